import { insertPublication, type Database, type Kysely } from "@offerkit/db";
import type { OfferPublisher } from "@offerkit/core";

/**
 * Records, in the send's own transaction, how a just-sent offer gets published. Locally it is
 * published as it is sent, at this server's buyer URL. On a marketplace it is `publishing`,
 * due at once for the background follower: sending never waits for, nor fails because of, the
 * marketplace.
 */
export async function startPublication(
  trx: Kysely<Database>,
  publisher: OfferPublisher,
  offer: { id: string; sellerId: string; buyerUrl: string },
  at: string,
): Promise<void> {
  const local = publisher.kind === "local";
  await insertPublication(trx, {
    offerId: offer.id,
    sellerId: offer.sellerId,
    state: local ? "published" : "publishing",
    buyerUrl: local ? offer.buyerUrl : null,
    nextCheckAt: local ? null : at,
    at,
  });
}
