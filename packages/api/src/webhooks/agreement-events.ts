import { findEndedAgreementOfSubscription, type Database, type EndedAgreement, type Kysely } from "@offerkit/db";
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

/**
 * `agreement.ended`, once per agreement by its dedupe key: written in the transaction that stops
 * the subscription, or by the sweep when only the clock ended it.
 */
export async function recordAgreementEnded(trx: Kysely<Database>, ids: IdGenerator, agreement: EndedAgreement, at: Date): Promise<string | null> {
  return recordWebhookEvent(
    trx,
    ids,
    {
      sellerId: agreement.sellerId,
      type: "agreement.ended",
      data: { agreementId: agreement.id, offerId: agreement.offerId, buyerAccount: agreement.buyerAccount, endedAt: agreement.endedAt, reason: agreement.reason },
      at,
    },
    { dedupeKey: `agreement.ended:${agreement.id}` },
  );
}

/** A subscription stopped in `trx`: its agreement's `agreement.ended`, when an agreement made it. */
export async function recordSubscriptionStopped(trx: Kysely<Database>, ids: IdGenerator, subscriptionId: string, at: Date): Promise<void> {
  const ended = await findEndedAgreementOfSubscription(trx, subscriptionId);
  if (ended) await recordAgreementEnded(trx, ids, ended, at);
}
