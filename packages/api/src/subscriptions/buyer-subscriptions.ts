import { OfferkitError, type SubscriptionView } from "@offerkit/core";
import { cancelSubscription, findProduct, findSubscriptionOfAccount, listSubscriptionsOfAccount } from "@offerkit/db";
import type { BuyerPrincipal } from "../auth/principal";
import type { ApiDeps } from "../deps";
import { recordSubscriptionStopped } from "../webhooks/agreement-events";
import { toSubscriptionView } from "./subscription-view";

/** The buyer's own subscriptions with this seller. */
export async function listBuyerSubscriptions(deps: Pick<ApiDeps, "db" | "clock">, buyer: BuyerPrincipal): Promise<SubscriptionView[]> {
  const now = deps.clock.now();
  const subscriptions = await listSubscriptionsOfAccount(deps.db, buyer.sellerId, buyer.account);
  return Promise.all(
    subscriptions.map(async (subscription) => {
      const product = await findProduct(deps.db, buyer.sellerId, subscription.productId);
      if (!product) throw new OfferkitError("INTERNAL", `Subscription ${subscription.id} has no product`);
      return toSubscriptionView(subscription, product, now);
    }),
  );
}

/**
 * The buyer ends a subscription now, and its agreement's `agreement.ended` is written with it.
 * Another account's subscription is not found.
 */
export async function cancelBuyerSubscription(deps: Pick<ApiDeps, "db" | "clock" | "ids">, buyer: BuyerPrincipal, subscriptionId: string): Promise<SubscriptionView> {
  const subscription = await findSubscriptionOfAccount(deps.db, buyer.sellerId, buyer.account, subscriptionId);
  if (!subscription) throw new OfferkitError("NOT_FOUND", `No subscription ${subscriptionId}`);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await cancelSubscription(trx, subscriptionId, now.toISOString()))) {
      throw new OfferkitError("CONFLICT", `Subscription ${subscriptionId} has already ended or been cancelled`);
    }
    await recordSubscriptionStopped(trx, deps.ids, subscriptionId, now);
  });
  const cancelled = await findSubscriptionOfAccount(deps.db, buyer.sellerId, buyer.account, subscriptionId);
  const product = await findProduct(deps.db, buyer.sellerId, subscription.productId);
  if (!cancelled || !product) throw new OfferkitError("INTERNAL", `Subscription ${subscriptionId} vanished`);
  return toSubscriptionView(cancelled, product, now);
}
