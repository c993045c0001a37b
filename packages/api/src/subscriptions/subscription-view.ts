import { pricingModelSchema, type SubscriptionView } from "@offerkit/core";
import { isSaasModel, saasCustomerIdentifier, type ProductRecord, type SubscriptionRecord } from "@offerkit/db";

/** A subscription as buyers and support agents see it; `ended` follows from its end and the clock. */
export function toSubscriptionView(subscription: SubscriptionRecord, product: Pick<ProductRecord, "asin" | "title">, now: Date): SubscriptionView {
  const ended = subscription.endsAt !== null && subscription.endsAt <= now.toISOString();
  return {
    id: subscription.id,
    productId: subscription.productId,
    asin: product.asin,
    productTitle: product.title,
    pricingModel: pricingModelSchema.parse(subscription.pricingModel),
    status: subscription.status === "cancelled" ? "cancelled" : ended ? "ended" : "active",
    startsAt: subscription.startsAt,
    endsAt: subscription.endsAt,
    quantity: subscription.quantity,
    // A record just made has not read its identifier back: the same derivation gives it.
    customerIdentifier:
      subscription.customerIdentifier ?? (isSaasModel(subscription.pricingModel) ? saasCustomerIdentifier(subscription.productId, subscription.buyerAccount) : null),
    offerId: subscription.offerId,
    visibility: subscription.visibility,
    pricing: subscription.pricing,
  };
}
