import { OfferkitError } from "@offerkit/core";
import type { ApiDeps } from "../deps";
import { readEula, type EulaFile } from "../eula/read-eula";
import { loadBuyerOffer } from "./buyer-offer-view";
import type { BuyerPrincipal } from "../auth/principal";

/** The EULA of an offer this buyer may see, byte for byte as the seller uploaded it. */
export async function readBuyerEula(deps: Pick<ApiDeps, "db" | "blobs">, buyer: BuyerPrincipal, offerId: string): Promise<EulaFile> {
  const offer = await loadBuyerOffer(deps.db, buyer, offerId);
  const sha256 = offer.terms.eulaSha256;
  if (!sha256) throw new OfferkitError("INTERNAL", `Sent offer ${offerId} has no EULA`);
  return readEula(deps, offer.sellerId, sha256);
}
