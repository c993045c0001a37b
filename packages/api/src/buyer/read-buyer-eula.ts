import type { BuyerPrincipal } from "../auth/principal";
import { eulaCopyFor, type EulaCopyDeps, type EulaCopyFile } from "../eula/eula-copy";
import { loadBuyerOffer } from "./buyer-offer-view";

/**
 * The buyer's own copy of an offer's EULA: stamped on every page with the offer, the buyer's
 * account and the day the offer was sent, made on the first download and served as stored ever
 * after. The original stays with the seller. An offer the account may not see is NOT_FOUND.
 */
export async function readBuyerEula(deps: EulaCopyDeps, buyer: BuyerPrincipal, offerId: string): Promise<EulaCopyFile> {
  const offer = await loadBuyerOffer(deps.db, buyer, offerId);
  return eulaCopyFor(deps, offer, buyer.account);
}
