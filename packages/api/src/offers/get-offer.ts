import type { OfferView } from "@offerkit/core";
import type { ApiDeps } from "../deps";
import { loadOffer } from "./load-offer";
import { toOfferView } from "./offer-view";

export async function getOffer(deps: Pick<ApiDeps, "db" | "clock">, sellerId: string, offerId: string): Promise<OfferView> {
  return toOfferView(deps.db, await loadOffer(deps.db, sellerId, offerId), deps.clock.now());
}
