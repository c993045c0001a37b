import { OfferkitError, type OfferPricing, type subscribeInputSchema, type SubscriptionView } from "@offerkit/core";
import {
  findProductByAsin,
  insertSubscription,
  isUniqueViolation,
  listSubscriptionsOfAccount,
  type ProductRecord,
  type SubscriptionRecord,
} from "@offerkit/db";
import type { z } from "zod";
import type { BuyerPrincipal } from "../auth/principal";
import type { ApiDeps } from "../deps";
import { withIdempotency, type Remember } from "../idempotency";
import { attributeConversion } from "../marketing/attribute-conversion";
import { purchasedPricing } from "./purchased-pricing";
import { toSubscriptionView } from "./subscription-view";

/** What a buyer pays on the public offer: its prices, or nothing for free and BYOL products. */
function publicPrices(product: ProductRecord): OfferPricing | null {
  if (product.publicPricing) return product.publicPricing;
  if (product.pricing.model === "free" || product.pricing.model === "byol") return { model: product.pricing.model };
  return null;
}

/**
 * A buyer subscribes to a product at its public pricing. A visitor who came through a tracking
 * link (cookie or attribution ID) converts that click. An account already subscribed to the
 * product gets that subscription back (a second click, a retry), except on hourly + annual
 * products, where each call buys more annual subscriptions: a retry there carries an
 * idempotency key.
 */
export async function subscribe(
  deps: Pick<ApiDeps, "db" | "clock" | "ids">,
  buyer: BuyerPrincipal,
  input: z.output<typeof subscribeInputSchema>,
  visitorId: string | null = null,
): Promise<SubscriptionView> {
  const scope = {
    principalId: buyer.keyId,
    operation: "buyer.subscriptions.subscribe",
    key: input.idempotencyKey,
    // The type joins the request only when given, so a retry from before it existed still matches.
    request: { asin: input.asin, quantity: input.quantity, ...(input.annualInstanceType === undefined ? {} : { annualInstanceType: input.annualInstanceType }) },
  };
  return withIdempotency(deps, scope, (remember) => subscribeOnce(deps, buyer, input, visitorId, remember));
}

async function subscribeOnce(
  deps: Pick<ApiDeps, "db" | "clock" | "ids">,
  buyer: BuyerPrincipal,
  input: z.output<typeof subscribeInputSchema>,
  visitorId: string | null,
  remember: Remember<SubscriptionView>,
): Promise<SubscriptionView> {
  const product = await findProductByAsin(deps.db, buyer.sellerId, input.asin);
  if (!product) throw new OfferkitError("NOT_FOUND", `No product with ASIN ${input.asin}`, [{ path: ["asin"], message: "Unknown product" }]);
  const prices = publicPrices(product);
  if (!prices) throw new OfferkitError("CONFLICT", `Product ${input.asin} has no public pricing yet; ask the seller for a private offer`);
  const pricing = purchasedPricing(prices, input.annualInstanceType);
  if (input.quantity !== 1 && product.pricing.model !== "hourly_annual") {
    throw new OfferkitError("VALIDATION_FAILED", "Only hourly + annual products sell several annual subscriptions", [
      { path: ["quantity"], message: "Must be 1 for this product" },
    ]);
  }
  const now = deps.clock.now();
  const held = async () => {
    if (product.pricing.model === "hourly_annual") return undefined;
    return (await listSubscriptionsOfAccount(deps.db, buyer.sellerId, buyer.account))
      .filter((subscription) => subscription.productId === product.id && subscription.visibility === "public")
      .map((subscription) => toSubscriptionView(subscription, product, now))
      .find((view) => view.status === "active");
  };
  const already = await held();
  if (already) {
    await remember(deps.db, already);
    return already;
  }
  const subscription = {
    id: deps.ids.newId("sub"),
    sellerId: buyer.sellerId,
    productId: product.id,
    buyerAccount: buyer.account,
    pricingModel: product.pricing.model,
    pricing,
    quantity: input.quantity,
    offerId: null,
    visibility: "public" as const,
    status: "active" as const,
    startsAt: now.toISOString(),
    endsAt: null,
    cancelledAt: null,
  };
  try {
    await create(deps, subscription, product, input.attributionId, visitorId, remember);
  } catch (error) {
    // A request that arrived together with this one subscribed first (one active public
    // subscription per account and product): answer with that subscription.
    const winner = isUniqueViolation(error) ? await held() : undefined;
    if (winner) return winner;
    throw error;
  }
  return toSubscriptionView(subscription, product, now);
}

/** The subscription and the conversion of the click that led to it, together. */
async function create(
  deps: Pick<ApiDeps, "db" | "clock" | "ids">,
  subscription: SubscriptionRecord,
  product: ProductRecord,
  attributionId: string | undefined,
  visitorId: string | null,
  remember: Remember<SubscriptionView>,
): Promise<void> {
  const now = new Date(subscription.startsAt);
  await deps.db.transaction().execute(async (trx) => {
    await insertSubscription(trx, subscription);
    if (attributionId || visitorId) {
      await attributeConversion(trx, deps.ids, {
        sellerId: subscription.sellerId,
        productId: product.id,
        asin: product.asin,
        sessionKeys: [attributionId, visitorId],
        source: "subscription",
        externalId: subscription.id,
        estimatedUsage: 0,
        estimatedRevenueMicros: 0n,
        at: now,
      });
    }
    await remember(trx, toSubscriptionView(subscription, product, now));
  });
}
