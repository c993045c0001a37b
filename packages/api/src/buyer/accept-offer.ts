import { OfferkitError, agreementEnd, completeTerms, isAcceptable, type AgreementView } from "@offerkit/core";
import { findAgreement, findProduct, insertAgreement, insertSubscription, isUniqueViolation, markOfferAccepted, type Database, type Kysely, type OfferRecord } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { withIdempotency } from "../idempotency";
import { attributeConversion } from "../marketing/attribute-conversion";
import { loadBuyerOffer, toAgreementView } from "./buyer-offer-view";
import type { BuyerPrincipal } from "../auth/principal";
import { recordAgreementEvents } from "../webhooks/agreement-events";

/**
 * Accepts an offer for the buyer's account before its deadline, by the server's clock, and
 * starts an agreement at the offer's prices. Accepting again returns the same agreement.
 */
export async function acceptOffer(
  deps: ApiDeps,
  buyer: BuyerPrincipal,
  { offerId, idempotencyKey, attributionId }: { offerId: string; idempotencyKey?: string | undefined; attributionId?: string | undefined },
  visitorId: string | null = null,
): Promise<AgreementView> {
  const scope = { principalId: buyer.keyId, operation: "buyer.offers.accept", key: idempotencyKey, request: { offerId } };
  return withIdempotency(deps, scope, async (remember) => {
    const offer = await loadBuyerOffer(deps.db, buyer, offerId);
    const existing = await findAgreement(deps.db, offerId, buyer.account);
    if (existing) return toAgreementView(existing);

    const now = deps.clock.now();
    const terms = completeTerms(offer.terms);
    if (!terms) throw new OfferkitError("INTERNAL", `Sent offer ${offerId} is missing part of its terms`);
    if (!isAcceptable(offer.status, terms.acceptanceDeadline, now)) {
      throw new OfferkitError(
        "OFFER_EXPIRED",
        `Offer ${offerId} could be accepted until the end of ${terms.acceptanceDeadline} (UTC); it has expired`,
      );
    }
    const agreement = {
      id: deps.ids.newId("agmt"),
      offerId,
      sellerId: offer.sellerId,
      productId: offer.productId,
      buyerAccount: buyer.account,
      startsAt: now.toISOString(),
      endsAt: agreementEnd(terms.agreement, now).toISOString(),
      pricing: terms.pricing,
      createdAt: now.toISOString(),
    };
    try {
      return await deps.db.transaction().execute(async (trx) => {
        await insertAgreement(trx, agreement);
        await markOfferAccepted(trx, offerId, agreement.createdAt);
        await insertSubscription(trx, {
          id: deps.ids.newId("sub"),
          sellerId: offer.sellerId,
          productId: offer.productId,
          buyerAccount: buyer.account,
          pricingModel: terms.pricing.model,
          pricing: terms.pricing,
          quantity: 1,
          offerId,
          visibility: "private",
          status: "active",
          startsAt: agreement.startsAt,
          endsAt: agreement.endsAt,
          cancelledAt: null,
        });
        await creditCampaign(trx, deps, offer, agreement.id, [attributionId, visitorId], now);
        await recordAgreementEvents(trx, deps.ids, { ...agreement, source: "offerkit" }, now);
        const view = toAgreementView(agreement);
        await remember(trx, view);
        return view;
      });
    } catch (error) {
      // A concurrent acceptance by the same account won: answer with its agreement.
      const winner = isUniqueViolation(error) ? await findAgreement(deps.db, offerId, buyer.account) : null;
      if (winner) return toAgreementView(winner);
      throw error;
    }
  });
}

/** An acceptance by a visitor who came through a tracking link converts that click. */
async function creditCampaign(trx: Kysely<Database>, deps: ApiDeps, offer: OfferRecord, agreementId: string, sessionKeys: (string | null | undefined)[], at: Date) {
  if (!sessionKeys.some(Boolean)) return;
  const product = await findProduct(trx, offer.sellerId, offer.productId);
  if (!product) return;
  await attributeConversion(trx, deps.ids, {
    sellerId: offer.sellerId,
    productId: product.id,
    asin: product.asin,
    sessionKeys,
    source: "offer",
    externalId: agreementId,
    estimatedUsage: 0,
    estimatedRevenueMicros: 0n,
    at,
  });
}
