import { deleteDraft } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { explainRefusedWrite } from "./load-offer";

/** Deletes a draft. A sent offer is never deleted: OFFER_IMMUTABLE. */
export async function deleteOffer(deps: Pick<ApiDeps, "db">, sellerId: string, offerId: string): Promise<{ deleted: true }> {
  if (!(await deleteDraft(deps.db, sellerId, offerId))) throw await explainRefusedWrite(deps.db, sellerId, offerId);
  return { deleted: true };
}
