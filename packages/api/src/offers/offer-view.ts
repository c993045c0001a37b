import { checkSendable, installmentsTotal, offerStatusAt, type FieldIssue, type OfferView } from "@offerkit/core";
import { findEulaDocument, findProduct, findPublication, listAgreementsForOffer, type Database, type Kysely, type OfferRecord } from "@offerkit/db";
import { toPublicationView } from "../publishing/publication-view";
import { assertTermsIntact } from "../intact-terms";

/** The seller's view of an offer: stored fields, its EULA's record, its publication, and the status by the clock. */
export async function toOfferView(db: Kysely<Database>, offer: OfferRecord, now: Date): Promise<OfferView> {
  assertTermsIntact(offer);
  const { terms } = offer;
  const eula = terms.eulaSha256 ? await findEulaDocument(db, offer.sellerId, terms.eulaSha256) : null;
  return {
    id: offer.id,
    status: offerStatusAt(offer.status, terms.acceptanceDeadline ?? null, now),
    productId: offer.productId,
    name: terms.name ?? null,
    description: terms.description ?? null,
    buyerAccounts: terms.buyerAccounts ?? [],
    pricing: terms.pricing ?? null,
    eula,
    agreement: terms.agreement ?? null,
    acceptanceDeadline: terms.acceptanceDeadline ?? null,
    refundPolicy: terms.refundPolicy ?? null,
    installments: terms.installments ?? null,
    installmentsTotal: terms.installments ? installmentsTotal(terms.installments) : null,
    problems: offer.status === "draft" ? await draftProblems(db, offer, eula !== null, now) : [],
    replacesOfferId: offer.replacesOfferId,
    buyerUrl: offer.buyerUrl,
    termsSha256: offer.termsSha256,
    version: offer.version,
    createdAt: offer.createdAt,
    updatedAt: offer.updatedAt,
    sentAt: offer.sentAt,
    acceptedAt: offer.acceptedAt,
    publication: toPublicationView(offer.status === "draft" ? null : await findPublication(db, offer.id)),
    acceptances:
      offer.status === "draft"
        ? []
        : (await listAgreementsForOffer(db, offer.id)).map((agreement) => ({ account: agreement.buyerAccount, acceptedAt: agreement.createdAt, agreementId: agreement.id })),
  };
}

async function draftProblems(db: Kysely<Database>, offer: OfferRecord, eulaStored: boolean, now: Date): Promise<FieldIssue[]> {
  const product = await findProduct(db, offer.sellerId, offer.productId);
  if (!product) return [{ path: ["productId"], message: `No product ${offer.productId}` }];
  return checkSendable({ terms: offer.terms, productPricing: product.pricing, eulaAvailable: eulaStored, now });
}
