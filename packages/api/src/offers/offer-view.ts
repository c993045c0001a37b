import { offerStatusAt, type OfferView } from "@offerkit/core";
import { findEulaDocument, findPublication, type Database, type Kysely, type OfferRecord } from "@offerkit/db";
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
    replacesOfferId: offer.replacesOfferId,
    buyerUrl: offer.buyerUrl,
    termsSha256: offer.termsSha256,
    version: offer.version,
    createdAt: offer.createdAt,
    updatedAt: offer.updatedAt,
    sentAt: offer.sentAt,
    acceptedAt: offer.acceptedAt,
    publication: toPublicationView(offer.status === "draft" ? null : await findPublication(db, offer.id)),
  };
}
