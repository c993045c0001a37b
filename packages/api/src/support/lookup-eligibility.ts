import {
  formatCharge,
  hourlyAnnualCharge,
  OfferkitError,
  usageCharge,
  usageRate,
  type DimensionUsage,
  type EligibilityView,
  type EligibleSubscription,
} from "@offerkit/core";
import { findAccountOfSaasCustomer, findProduct, insertSupportLookup, listSubscriptionsOfAccount, usageByDimension, usageByHour, type SubscriptionRecord } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { toSubscriptionView } from "../subscriptions/subscription-view";

const USAGE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

type Hours = Awaited<ReturnType<typeof usageByHour>>;

/**
 * The estimated usage charges of one subscription, per dimension and in all (exact, bigint).
 * Hourly + annual is figured hour by hour, as the marketplace bills it: instance hours up to the
 * annual subscriptions the account holds for the type (all its subscriptions to the product) are
 * covered, only the rest is charged at the hourly rate.
 */
function chargesOf(
  subscription: SubscriptionRecord,
  all: readonly SubscriptionRecord[],
  totals: readonly { dimension: string; quantity: number }[],
  hours: Hours,
): { usage: DimensionUsage[]; total: bigint | null } {
  let total: bigint | null = null;
  const usage = totals.map(({ dimension, quantity }): DimensionUsage => {
    const rate = usageRate(subscription.pricing, dimension);
    if (rate === null) return { dimension, quantity, coveredByAnnual: 0, estimatedCharge: null };
    let charge = usageCharge(quantity, rate);
    let covered = 0;
    if (subscription.pricing?.model === "hourly_annual") {
      const ofType = hours.filter((row) => row.productId === subscription.productId && row.dimension === dimension);
      ({ charge, covered } = hourlyAnnualCharge(ofType, rate, all.filter((other) => other.productId === subscription.productId), dimension));
    }
    total = (total ?? 0n) + charge;
    return { dimension, quantity, coveredByAnnual: covered, estimatedCharge: formatCharge(charge) };
  });
  return { usage, total };
}

/**
 * What a support agent sees for a customer, by its account or, for a SaaS customer, by its
 * customer identifier: the account's subscriptions to this seller's products only, with the last
 * 30 days of usage per dimension and the estimated charge at the subscription's own prices.
 * Every lookup is written to the audit log, one naming no customer too.
 */
export async function lookupEligibility(
  deps: Pick<ApiDeps, "db" | "clock" | "ids">,
  caller: { sellerId: string; keyId: string },
  who: string | { customerIdentifier: string },
): Promise<EligibilityView> {
  const now = deps.clock.now();
  const customerIdentifier = typeof who === "string" ? null : who.customerIdentifier;
  const account = typeof who === "string" ? who : await findAccountOfSaasCustomer(deps.db, caller.sellerId, who.customerIdentifier);
  const audit = (found: string, subscriptionsFound: number) =>
    insertSupportLookup(deps.db, caller.sellerId, { id: deps.ids.newId("lookup"), keyId: caller.keyId, account: found, customerIdentifier, at: now.toISOString(), subscriptionsFound });
  if (account === null) {
    await audit("", 0);
    throw new OfferkitError("NOT_FOUND", `No SaaS customer ${customerIdentifier ?? ""} on this seller's products`, [
      { path: ["customerIdentifier"], message: "No subscription names this customer identifier" },
    ]);
  }
  const subscriptions = await listSubscriptionsOfAccount(deps.db, caller.sellerId, account);
  const productIds = [...new Set(subscriptions.map((subscription) => subscription.productId))];
  const since = new Date(now.getTime() - USAGE_WINDOW_MS).toISOString();
  const usage = await usageByDimension(deps.db, account, productIds, since);
  const annualProducts = [...new Set(subscriptions.filter((subscription) => subscription.pricing?.model === "hourly_annual").map((subscription) => subscription.productId))];
  const hours = await usageByHour(deps.db, account, annualProducts, since);
  const products = new Map(
    await Promise.all(productIds.map(async (id) => [id, await findProduct(deps.db, caller.sellerId, id)] as const)),
  );

  const eligible: EligibleSubscription[] = [];
  for (const subscription of subscriptions) {
    const product = products.get(subscription.productId);
    if (!product) continue;
    const { usage: dimensions, total } = chargesOf(subscription, subscriptions, usage.filter((row) => row.productId === subscription.productId), hours);
    eligible.push({ ...toSubscriptionView(subscription, product, now), usage: dimensions, estimatedCharge: total === null ? null : formatCharge(total) });
  }

  await audit(account, eligible.length);
  return { account, customerIdentifier, lookedUpAt: now.toISOString(), subscriptions: eligible };
}
