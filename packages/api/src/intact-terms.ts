import { OfferkitError, canonicalTerms, completeTerms } from "@offerkit/core";
import type { OfferRecord } from "@offerkit/db";
import { sha256Hex } from "./hashing";

/**
 * A sent offer's stored terms, checked against the hash fixed when it was sent, before they are
 * served to anyone or published: terms changed behind the database's guard (a restored backup, a
 * hand-edited file) are refused as INTERNAL, which the server logs as an error, rather than
 * shown to a buyer under the old hash. A draft has no hash yet and passes.
 */
export function assertTermsIntact(offer: OfferRecord): void {
  if (termsAreIntact(offer)) return;
  throw new OfferkitError("INTERNAL", `Offer ${offer.id}'s stored terms do not match the hash fixed when it was sent; it is not served until they are restored`);
}

/** Whether a sent offer's stored terms still hash to the hash fixed when it was sent; a draft's always do. */
export function termsAreIntact(offer: OfferRecord): boolean {
  if (offer.status === "draft") return true;
  const terms = completeTerms(offer.terms);
  return offer.termsSha256 !== null && terms !== null && sha256Hex(canonicalTerms(offer.productId, terms)) === offer.termsSha256;
}
