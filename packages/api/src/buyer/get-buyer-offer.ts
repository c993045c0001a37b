import type { BuyerOfferView } from "@offerkit/core";
import type { ApiDeps } from "../deps";
import { loadBuyerOffer, toBuyerOfferView } from "./buyer-offer-view";
import type { BuyerPrincipal } from "../auth/principal";

export async function getBuyerOffer(deps: Pick<ApiDeps, "db" | "clock">, buyer: BuyerPrincipal, offerId: string): Promise<BuyerOfferView> {
  return toBuyerOfferView(deps.db, buyer, await loadBuyerOffer(deps.db, buyer, offerId), deps.clock.now());
}
