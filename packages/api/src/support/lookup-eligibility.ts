import { formatCharge, usageCharge, usageRate, type EligibilityView, type EligibleSubscription } from "@offerkit/core";
import { findProduct, insertSupportLookup, listSubscriptionsOfAccount, usageByDimension } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { toSubscriptionView } from "../subscriptions/subscription-view";

const USAGE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * What a support agent sees for a caller's account: its subscriptions to this seller's products
 * only, with the last 30 days of usage per dimension and the estimated charge at the
 * subscription's own prices. Every lookup is written to the audit log.
 */
export async function lookupEligibility(
  deps: Pick<ApiDeps, "db" | "clock" | "ids">,
  caller: { sellerId: string; keyId: string },
  account: string,
): Promise<EligibilityView> {
  const now = deps.clock.now();
  const subscriptions = await listSubscriptionsOfAccount(deps.db, caller.sellerId, account);
  const productIds = [...new Set(subscriptions.map((subscription) => subscription.productId))];
  const since = new Date(now.getTime() - USAGE_WINDOW_MS).toISOString();
  const usage = await usageByDimension(deps.db, account, productIds, since);
  const products = new Map(
    await Promise.all(productIds.map(async (id) => [id, await findProduct(deps.db, caller.sellerId, id)] as const)),
  );

  const eligible: EligibleSubscription[] = [];
  for (const subscription of subscriptions) {
    const product = products.get(subscription.productId);
    if (!product) continue;
    let total: bigint | null = null;
    const dimensions = usage
      .filter((row) => row.productId === subscription.productId)
      .map((row) => {
        const rate = usageRate(subscription.pricing, row.dimension);
        const charge = rate === null ? null : usageCharge(row.quantity, rate);
        if (charge !== null) total = (total ?? 0n) + charge;
        return { dimension: row.dimension, quantity: row.quantity, estimatedCharge: charge === null ? null : formatCharge(charge) };
      });
    eligible.push({ ...toSubscriptionView(subscription, product, now), usage: dimensions, estimatedCharge: total === null ? null : formatCharge(total) });
  }

  await insertSupportLookup(deps.db, caller.sellerId, {
    id: deps.ids.newId("lookup"),
    keyId: caller.keyId,
    account,
    at: now.toISOString(),
    subscriptionsFound: eligible.length,
  });
  return { account, lookedUpAt: now.toISOString(), subscriptions: eligible };
}
