import type { Database, Kysely, PublicationRecord, PublicationUpdate } from "@offerkit/db";
import type { IdGenerator } from "../deps";
import { recordWebhookEvent } from "./record-event";

/** A publication that reached its end: `offer.published` or `offer.publication_failed`, with the write that says so. */
export async function recordPublicationEvent(
  trx: Kysely<Database>,
  ids: IdGenerator,
  publication: Pick<PublicationRecord, "offerId" | "sellerId" | "state">,
  step: Pick<PublicationUpdate, "state" | "marketplaceOfferId" | "buyerUrl" | "error">,
  at: Date,
): Promise<void> {
  if (publication.state !== "publishing" || step.state === undefined || step.state === "publishing") return;
  const { sellerId, offerId } = publication;
  if (step.state === "published") {
    const data = { offerId, marketplaceOfferId: step.marketplaceOfferId ?? "", marketplaceUrl: step.buyerUrl ?? null };
    await recordWebhookEvent(trx, ids, { sellerId, type: "offer.published", data, at });
  } else {
    await recordWebhookEvent(trx, ids, { sellerId, type: "offer.publication_failed", data: { offerId, message: step.error?.message ?? "Publishing failed" }, at });
  }
}
