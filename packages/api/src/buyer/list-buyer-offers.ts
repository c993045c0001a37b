import type { BuyerOfferView, Page } from "@offerkit/core";
import { listOffersForBuyer, toPage } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { decodeCursorOrThrow } from "../pagination";
import { toBuyerOfferView } from "./buyer-offer-view";
import type { BuyerPrincipal } from "../auth/principal";

/** The sent offers targeted at the buyer's own account, newest first. */
export async function listBuyerOffers(
  deps: Pick<ApiDeps, "db" | "clock">,
  buyer: BuyerPrincipal,
  input: { cursor?: string | undefined; limit: number },
): Promise<Page<BuyerOfferView>> {
  const now = deps.clock.now();
  const rows = await listOffersForBuyer(deps.db, buyer.sellerId, buyer.account, {
    after: decodeCursorOrThrow(input.cursor),
    limit: input.limit,
  });
  const page = toPage(rows, input.limit);
  return { items: await Promise.all(page.items.map((offer) => toBuyerOfferView(deps.db, buyer, offer, now))), nextCursor: page.nextCursor };
}
