import { OfferkitError, isAcceptable, type OfferView } from "@offerkit/core";
import { findPublication, restartPublication } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { loadOffer } from "./load-offer";
import { toOfferView } from "./offer-view";

/**
 * Publishes a sent offer again after its publication failed, with the very same frozen terms:
 * a new attempt, so a new request to the marketplace. Anything but a failed publication is
 * refused, which makes a double click start one attempt, not two.
 */
export async function republishOffer(deps: ApiDeps, sellerId: string, offerId: string): Promise<OfferView> {
  const offer = await loadOffer(deps.db, sellerId, offerId);
  if (deps.publisher.kind !== "marketplace") {
    throw new OfferkitError("PUBLICATION_NOT_RETRYABLE", "This server publishes offers locally: there is no marketplace to publish to again");
  }
  const publication = offer.status === "draft" ? null : await findPublication(deps.db, offerId);
  if (publication?.state !== "failed") {
    const state = offer.status === "draft" ? "a draft" : (publication?.state ?? "not published");
    throw new OfferkitError("PUBLICATION_NOT_RETRYABLE", `Offer ${offerId} is ${state}; only a failed publication can be tried again`);
  }
  const now = deps.clock.now();
  if (!isAcceptable(offer.status, offer.terms.acceptanceDeadline ?? null, now)) {
    throw new OfferkitError("OFFER_EXPIRED", `Offer ${offerId} can no longer be accepted, so it is not published again`);
  }
  if (!(await restartPublication(deps.db, sellerId, offerId, publication.attempt, now.toISOString()))) {
    throw new OfferkitError("CONFLICT", `The publication of offer ${offerId} changed meanwhile; read it again`);
  }
  return toOfferView(deps.db, await loadOffer(deps.db, sellerId, offerId), now);
}
