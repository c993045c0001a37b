import { utcDate, type listOffersInputSchema, type OfferView, type Page } from "@offerkit/core";
import { listOffers as listOfferRows, toPage } from "@offerkit/db";
import type { z } from "zod";
import type { ApiDeps } from "../deps";
import { decodeCursorOrThrow } from "../pagination";
import { toOfferView } from "./offer-view";

/** The seller's offers, newest first, filtered by status (expiry by the server's clock), product or buyer. */
export async function listOffers(
  deps: Pick<ApiDeps, "db" | "clock">,
  sellerId: string,
  input: z.output<typeof listOffersInputSchema>,
): Promise<Page<OfferView>> {
  const now = deps.clock.now();
  const rows = await listOfferRows(deps.db, sellerId, {
    status: input.status,
    productId: input.productId,
    buyerAccount: input.buyerAccount,
    after: decodeCursorOrThrow(input.cursor),
    limit: input.limit,
    today: utcDate(now),
  });
  const page = toPage(rows, input.limit);
  return { items: await Promise.all(page.items.map((offer) => toOfferView(deps.db, offer, now))), nextCursor: page.nextCursor };
}
