import type { Database, Kysely } from "@offerkit/db";
import type { IdGenerator } from "../deps";
import { recordWebhookEvent } from "./record-event";

/** An account's acceptance of an offer: `offer.accepted` and `agreement.created`, in the transaction that records it. */
export async function recordAgreementEvents(
  trx: Kysely<Database>,
  ids: IdGenerator,
  agreement: { id: string; offerId: string; sellerId: string; productId: string; buyerAccount: string; startsAt: string; endsAt: string; createdAt: string; source: "offerkit" | "marketplace" },
  at: Date,
): Promise<void> {
  const { sellerId } = agreement;
  await recordWebhookEvent(trx, ids, {
    sellerId,
    type: "offer.accepted",
    data: { offerId: agreement.offerId, agreementId: agreement.id, buyerAccount: agreement.buyerAccount, acceptedAt: agreement.createdAt, source: agreement.source },
    at,
  });
  await recordWebhookEvent(trx, ids, {
    sellerId,
    type: "agreement.created",
    data: {
      agreementId: agreement.id,
      offerId: agreement.offerId,
      productId: agreement.productId,
      buyerAccount: agreement.buyerAccount,
      startsAt: agreement.startsAt,
      endsAt: agreement.endsAt,
      source: agreement.source,
    },
    at,
  });
}
