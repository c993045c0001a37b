import type { OfferView } from "@offerkit/core";
import { insertOffer } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { assertTermsIntact } from "../intact-terms";
import { requireDataSharing } from "./draft-rules";
import { loadOffer } from "./load-offer";
import { toOfferView } from "./offer-view";

/**
 * The way to change a sent offer's terms: a new draft with the same terms, linked to the
 * offer it replaces. The original stays exactly as it was.
 */
export async function copyOfferAsDraft(deps: Pick<ApiDeps, "db" | "clock" | "ids">, sellerId: string, offerId: string): Promise<OfferView> {
  const original = await loadOffer(deps.db, sellerId, offerId);
  // Terms that no longer match their hash are not copied into a new offer either.
  assertTermsIntact(original);
  await requireDataSharing(deps.db, sellerId);
  const now = deps.clock.now();
  const id = deps.ids.newId("offer");
  await insertOffer(deps.db, {
    id,
    sellerId,
    productId: original.productId,
    terms: original.terms,
    replacesOfferId: original.id,
    createdAt: now.toISOString(),
  });
  return toOfferView(deps.db, await loadOffer(deps.db, sellerId, id), now);
}
