import { OfferkitError } from "@offerkit/core";
import { findOffer } from "@offerkit/db";
import { assertTermsIntact } from "../intact-terms";
import { eulaCopyFor, type EulaCopyDeps, type EulaCopyFile } from "./eula-copy";

/**
 * The copy of one of the seller's sent offers' EULA that the buyer account gets (or will get: it
 * is made now if the buyer has not downloaded it yet, and is the same copy either way). A draft,
 * another seller's offer, or an account the offer does not target is NOT_FOUND.
 */
export async function readEulaCopy(deps: EulaCopyDeps, sellerId: string, offerId: string, account: string): Promise<EulaCopyFile> {
  const offer = await findOffer(deps.db, sellerId, offerId);
  if (!offer || offer.status === "draft" || !(offer.terms.buyerAccounts ?? []).includes(account)) {
    throw new OfferkitError("NOT_FOUND", `No copy of offer ${offerId}'s EULA for account ${account}`);
  }
  assertTermsIntact(offer);
  return eulaCopyFor(deps, offer, account);
}
