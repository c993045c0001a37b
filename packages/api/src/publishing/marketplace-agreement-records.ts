import { agreementEnd, type MarketplaceAgreement, type OfferTerms } from "@offerkit/core";
import type { MarketplaceAgreementRecord, OfferRecord, SubscriptionRecord } from "@offerkit/db";
import type { IdGenerator } from "../deps";

/**
 * When a cancelled or ended agreement stopped, as near as the marketplace tells: its end when
 * that is already past, or else now, the first time it was seen stopped (an agreement cancelled
 * early may still carry its planned end).
 */
export function stoppedAt(agreement: Pick<MarketplaceAgreement, "endsAt">, now: Date): Date {
  return agreement.endsAt !== null && agreement.endsAt.getTime() < now.getTime() ? agreement.endsAt : now;
}

/**
 * The rows a marketplace agreement becomes, as a local acceptance's: the agreement at the
 * offer's frozen prices and a private subscription to the offer, from the marketplace's dates.
 * One that already stopped is recorded stopped, so a single transaction says all there is.
 */
export function marketplaceAgreementRecords(
  ids: IdGenerator,
  offer: Pick<OfferRecord, "id" | "sellerId" | "productId">,
  terms: Pick<OfferTerms, "pricing" | "agreement">,
  agreement: MarketplaceAgreement,
  now: Date,
): { agreement: MarketplaceAgreementRecord; subscription: SubscriptionRecord; acceptedAt: string } {
  const startsAt = agreement.startsAt.toISOString();
  // The marketplace gives no end only to pay-as-you-go agreements; the offer's own validity
  // terms, which it was published with, say when this one ends.
  const endsAt = (agreement.endsAt ?? agreementEnd(terms.agreement, agreement.startsAt)).toISOString();
  const stopped = agreement.status === "active" ? null : stoppedAt(agreement, now).toISOString();
  return {
    agreement: {
      id: ids.newId("agmt"),
      offerId: offer.id,
      sellerId: offer.sellerId,
      productId: offer.productId,
      buyerAccount: agreement.buyerAccount,
      startsAt,
      endsAt,
      pricing: terms.pricing,
      // The agreement was made when the buyer accepted, not when this server saw it.
      createdAt: agreement.acceptedAt.toISOString(),
      marketplaceAgreementId: agreement.id,
    },
    subscription: {
      id: ids.newId("sub"),
      sellerId: offer.sellerId,
      productId: offer.productId,
      buyerAccount: agreement.buyerAccount,
      pricingModel: terms.pricing.model,
      pricing: terms.pricing,
      quantity: 1,
      offerId: offer.id,
      visibility: "private",
      status: agreement.status === "cancelled" ? "cancelled" : "active",
      startsAt,
      endsAt: stopped !== null && stopped < endsAt ? stopped : endsAt,
      cancelledAt: agreement.status === "cancelled" ? stopped : null,
    },
    acceptedAt: agreement.acceptedAt.toISOString(),
  };
}
