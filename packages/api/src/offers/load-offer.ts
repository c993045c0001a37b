import { OfferkitError } from "@offerkit/core";
import { findOffer, type Database, type Kysely, type OfferRecord } from "@offerkit/db";

export async function loadOffer(db: Kysely<Database>, sellerId: string, offerId: string): Promise<OfferRecord> {
  const offer = await findOffer(db, sellerId, offerId);
  if (!offer) throw new OfferkitError("NOT_FOUND", `No offer ${offerId}`);
  return offer;
}

export function offerImmutable(offerId: string): OfferkitError {
  return new OfferkitError("OFFER_IMMUTABLE", `Offer ${offerId} has been sent and can never change; copy it as a new draft`);
}

/**
 * After a guarded write touched no row, says why: the offer is gone, it was sent meanwhile,
 * or it changed under us.
 */
export async function explainRefusedWrite(db: Kysely<Database>, sellerId: string, offerId: string): Promise<OfferkitError> {
  const current = await findOffer(db, sellerId, offerId);
  if (!current) return new OfferkitError("NOT_FOUND", `No offer ${offerId}`);
  if (current.status !== "draft") return offerImmutable(offerId);
  return new OfferkitError("CONFLICT", `Offer ${offerId} changed while this request ran; read it again and retry`);
}
