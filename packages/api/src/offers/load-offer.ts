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

/** An update made from a version the draft is no longer at. */
export function staleVersion(offerId: string, expected: number, current: number): OfferkitError {
  return new OfferkitError("CONFLICT", `Offer ${offerId} is at version ${current}, not ${expected}; read it again and make the change over that version`, [
    { path: ["expectedVersion"], message: `The offer is at version ${current}` },
  ]);
}

/**
 * After a guarded write touched no row, says why: the offer is gone, it was sent meanwhile,
 * or it changed under us (from `expectedVersion`, when the caller named one).
 */
export async function explainRefusedWrite(db: Kysely<Database>, sellerId: string, offerId: string, expectedVersion?: number): Promise<OfferkitError> {
  const current = await findOffer(db, sellerId, offerId);
  if (!current) return new OfferkitError("NOT_FOUND", `No offer ${offerId}`);
  if (current.status !== "draft") return offerImmutable(offerId);
  if (expectedVersion !== undefined) return staleVersion(offerId, expectedVersion, current.version);
  return new OfferkitError("CONFLICT", `Offer ${offerId} changed while this request ran; read it again and retry`);
}
