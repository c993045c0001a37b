import { OfferkitError, completeTerms, installmentsTotal, offerStatusAt, type AgreementView, type BuyerOfferView } from "@offerkit/core";
import { findAgreement, findEulaDocument, findOfferForBuyer, findProduct, findSeller, type Database, type Kysely, type OfferRecord } from "@offerkit/db";
import type { BuyerPrincipal } from "../auth/principal";
import { assertTermsIntact } from "../intact-terms";

/** An offer this buyer may see; anything else, another account's offer included, is NOT_FOUND. */
export async function loadBuyerOffer(db: Kysely<Database>, buyer: BuyerPrincipal, offerId: string): Promise<OfferRecord> {
  const offer = await findOfferForBuyer(db, buyer.sellerId, buyer.account, offerId);
  if (!offer) throw new OfferkitError("NOT_FOUND", `No offer ${offerId}`);
  assertTermsIntact(offer);
  return offer;
}

export function toAgreementView(agreement: AgreementView): AgreementView {
  const { id, offerId, buyerAccount, startsAt, endsAt, pricing } = agreement;
  return { id, offerId, buyerAccount, startsAt, endsAt, pricing };
}

/** The buyer's view: the terms it may accept, never the internal description or other buyers. */
export async function toBuyerOfferView(
  db: Kysely<Database>,
  buyer: BuyerPrincipal,
  offer: OfferRecord,
  now: Date,
): Promise<BuyerOfferView> {
  assertTermsIntact(offer);
  const terms = completeTerms(offer.terms);
  const [product, seller, eula, agreement] = await Promise.all([
    findProduct(db, offer.sellerId, offer.productId),
    findSeller(db, offer.sellerId),
    offer.terms.eulaSha256 ? findEulaDocument(db, offer.sellerId, offer.terms.eulaSha256) : null,
    findAgreement(db, offer.id, buyer.account),
  ]);
  if (!terms || !product || !seller || !eula) {
    throw new OfferkitError("INTERNAL", `Sent offer ${offer.id} is missing part of its terms`);
  }
  return {
    id: offer.id,
    status: agreement ? "accepted" : offerStatusAt(offer.status === "accepted" ? "sent" : offer.status, terms.acceptanceDeadline, now),
    seller: seller.name,
    product: { asin: product.asin, title: product.title },
    name: terms.name,
    pricing: terms.pricing,
    eula: { sha256: eula.sha256, fileName: eula.fileName, size: eula.size, pageCount: eula.pageCount },
    agreement: terms.agreement,
    acceptanceDeadline: terms.acceptanceDeadline,
    refundPolicy: terms.refundPolicy ?? null,
    installments: terms.installments ?? null,
    installmentsTotal: terms.installments ? installmentsTotal(terms.installments) : null,
    acceptance: agreement ? toAgreementView(agreement) : null,
  };
}
