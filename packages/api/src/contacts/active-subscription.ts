import { OfferkitError } from "@offerkit/core";
import { findSellerSubscription, type Database, type Kysely, type SubscriptionRecord } from "@offerkit/db";

/** Whether the subscription still runs at `now`: neither cancelled nor past its end. */
export function isRunning(subscription: Pick<SubscriptionRecord, "status" | "endsAt">, now: Date): boolean {
  return subscription.status === "active" && (subscription.endsAt === null || subscription.endsAt > now.toISOString());
}

/**
 * Refuses a contact for a subscription that has ended or was cancelled, as the marketplace does:
 * its contacts were deleted with it. Read inside the write's transaction, after its lock.
 */
export async function requireRunningSubscription(db: Kysely<Database>, sellerId: string, subscriptionId: string, now: Date): Promise<void> {
  const subscription = await findSellerSubscription(db, sellerId, subscriptionId);
  if (!subscription || !isRunning(subscription, now)) {
    throw new OfferkitError("SUBSCRIPTION_NOT_ACTIVE", "This subscription has ended or was cancelled: it takes no new or edited support contact", [
      { path: ["subscriptionId"], message: "The subscription is not active" },
    ]);
  }
}
