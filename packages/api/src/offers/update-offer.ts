import type { DraftTerms, OfferView, updateOfferInputSchema } from "@offerkit/core";
import { findProduct, updateDraftTerms } from "@offerkit/db";
import type { z } from "zod";
import type { ApiDeps } from "../deps";
import { checkDraftReferences, checkWrittenValues } from "./draft-rules";
import { explainRefusedWrite, loadOffer, offerImmutable, staleVersion } from "./load-offer";
import { toOfferView } from "./offer-view";

type Patch = z.output<typeof updateOfferInputSchema>["patch"];

/** How many times a patch without an expected version is applied again over other writers' edits. */
const MAX_ATTEMPTS = 5;

/** The draft's terms with the patch applied: a value replaces, `null` clears, absent keeps. */
export function applyPatch(terms: DraftTerms, patch: Patch): DraftTerms {
  const next: Record<string, unknown> = { ...terms };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next as DraftTerms;
}

/**
 * Edits a draft and answers with the very version it wrote. Each write is guarded on the version
 * it read, so it never overwrites an edit it has not seen: with `expectedVersion`, a draft that
 * is not (or no longer) at that version refuses with CONFLICT and nothing is written; without it,
 * the patch is applied again over the newer version. A sent offer refuses with OFFER_IMMUTABLE,
 * here and in the database.
 */
export async function updateOffer(
  deps: Pick<ApiDeps, "db" | "clock">,
  sellerId: string,
  { offerId, expectedVersion, patch }: z.output<typeof updateOfferInputSchema>,
): Promise<OfferView> {
  for (let attempt = 1; ; attempt += 1) {
    const offer = await loadOffer(deps.db, sellerId, offerId);
    if (offer.status !== "draft") throw offerImmutable(offerId);
    if (expectedVersion !== undefined && offer.version !== expectedVersion) throw staleVersion(offerId, expectedVersion, offer.version);
    const terms = applyPatch(offer.terms, patch);
    const product = await findProduct(deps.db, sellerId, offer.productId);
    if (product) checkWrittenValues(applyPatch({}, patch), product.pricing.model);
    await checkDraftReferences(deps.db, sellerId, terms);
    const now = deps.clock.now();
    const written = await updateDraftTerms(deps.db, { sellerId, id: offerId, version: offer.version, terms, updatedAt: now.toISOString() });
    if (written) return toOfferView(deps.db, written, now);
    // Another write landed between this one's read and its write.
    if (expectedVersion !== undefined || attempt >= MAX_ATTEMPTS) throw await explainRefusedWrite(deps.db, sellerId, offerId, expectedVersion);
  }
}
