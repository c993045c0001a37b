import type { DraftTerms, OfferView, updateOfferInputSchema } from "@offerkit/core";
import { updateDraftTerms } from "@offerkit/db";
import type { z } from "zod";
import type { ApiDeps } from "../deps";
import { checkDraftReferences } from "./draft-rules";
import { explainRefusedWrite, loadOffer, offerImmutable } from "./load-offer";
import { toOfferView } from "./offer-view";

type Patch = z.output<typeof updateOfferInputSchema>["patch"];

/** The draft's terms with the patch applied: a value replaces, `null` clears, absent keeps. */
export function applyPatch(terms: DraftTerms, patch: Patch): DraftTerms {
  const next: Record<string, unknown> = { ...terms };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return next as DraftTerms;
}

/** Edits a draft. A sent offer refuses with OFFER_IMMUTABLE, here and in the database. */
export async function updateOffer(
  deps: Pick<ApiDeps, "db" | "clock">,
  sellerId: string,
  { offerId, patch }: z.output<typeof updateOfferInputSchema>,
): Promise<OfferView> {
  const offer = await loadOffer(deps.db, sellerId, offerId);
  if (offer.status !== "draft") throw offerImmutable(offerId);
  const terms = applyPatch(offer.terms, patch);
  await checkDraftReferences(deps.db, sellerId, terms);
  const now = deps.clock.now();
  if (!(await updateDraftTerms(deps.db, sellerId, offerId, terms, now.toISOString()))) {
    throw await explainRefusedWrite(deps.db, sellerId, offerId);
  }
  return toOfferView(deps.db, await loadOffer(deps.db, sellerId, offerId), now);
}
