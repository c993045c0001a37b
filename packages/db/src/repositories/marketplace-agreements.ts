import type { Kysely } from "kysely";
import { isUniqueViolation } from "../errors";
import type { Database } from "../schema";
import { insertAgreement, type AgreementRecord } from "./agreements";
import { markOfferAccepted } from "./offers";
import { cancelSubscription, endSubscription, insertSubscription, type SubscriptionRecord } from "./subscriptions";

/** An agreement a buyer made on the live marketplace, as Offerkit records it. */
export type MarketplaceAgreementRecord = AgreementRecord & { marketplaceAgreementId: string };

/**
 * Records an agreement made on the marketplace with its subscription, and marks its offer
 * accepted at `acceptedAt` unless it already is, all in one transaction, exactly once: the
 * marketplace's agreement ID and the (offer, account) pair are unique, so a second record of
 * the same agreement (a second look, another follower) rolls back whole and answers
 * `already_recorded`. So does an account that already accepted the offer on this server.
 * Takes the database, not a transaction: it is a transaction of its own.
 */
export async function recordMarketplaceAgreement(
  db: Kysely<Database>,
  { agreement, subscription, acceptedAt }: { agreement: MarketplaceAgreementRecord; subscription: SubscriptionRecord; acceptedAt: string },
  /** Runs in the same transaction, after the records are written: the events they cause. */
  alongside: (trx: Kysely<Database>) => Promise<void> = async () => undefined,
): Promise<"recorded" | "already_recorded"> {
  try {
    await db.transaction().execute(async (trx) => {
      await insertAgreement(trx, agreement);
      await insertSubscription(trx, subscription);
      await markOfferAccepted(trx, agreement.offerId, acceptedAt);
      await alongside(trx);
    });
    return "recorded";
  } catch (error) {
    if (isUniqueViolation(error)) return "already_recorded";
    throw error;
  }
}

/** A recorded marketplace agreement of an offer and where its subscription stands. */
export interface RecordedMarketplaceAgreement {
  marketplaceAgreementId: string;
  buyerAccount: string;
  subscriptionId: string;
  subscriptionStatus: "active" | "cancelled";
  /** The subscription's end: past it, the agreement has ended. */
  endsAt: string | null;
}

/** The offer's agreements made on the marketplace, each with its subscription. */
export async function listRecordedMarketplaceAgreements(db: Kysely<Database>, offerId: string): Promise<RecordedMarketplaceAgreement[]> {
  const rows = await db
    .selectFrom("agreements as a")
    .innerJoin("subscriptions as s", (join) =>
      join.onRef("s.offer_id", "=", "a.offer_id").onRef("s.buyer_account", "=", "a.buyer_account").onRef("s.seller_id", "=", "a.seller_id"),
    )
    .select(["a.marketplace_agreement_id", "a.buyer_account", "s.id", "s.status", "s.ends_at"])
    .where("a.offer_id", "=", offerId)
    .where("a.marketplace_agreement_id", "is not", null)
    .orderBy("a.created_at")
    .orderBy("a.id")
    .execute();
  return rows.flatMap((row) =>
    row.marketplace_agreement_id === null
      ? []
      : [{ marketplaceAgreementId: row.marketplace_agreement_id, buyerAccount: row.buyer_account, subscriptionId: row.id, subscriptionStatus: row.status, endsAt: row.ends_at }],
  );
}

/**
 * Marks a recorded marketplace agreement cancelled (its subscription cancelled at `at`) or
 * ended (its subscription ends at `at`), with `alongside` in the same transaction. False when it
 * is not recorded, or its subscription already stopped by then; so repeating it changes nothing.
 */
export async function updateMarketplaceAgreementStatus(
  db: Kysely<Database>,
  marketplaceAgreementId: string,
  status: "cancelled" | "ended",
  at: string,
  /** Runs in the same transaction, once the subscription stopped: the events it causes. */
  alongside: (trx: Kysely<Database>, subscriptionId: string) => Promise<void> = async () => undefined,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("agreements as a")
      .innerJoin("subscriptions as s", (join) =>
        join.onRef("s.offer_id", "=", "a.offer_id").onRef("s.buyer_account", "=", "a.buyer_account").onRef("s.seller_id", "=", "a.seller_id"),
      )
      .select("s.id")
      .where("a.marketplace_agreement_id", "=", marketplaceAgreementId)
      .executeTakeFirst();
    if (!row) return false;
    const stopped = status === "cancelled" ? await cancelSubscription(trx, row.id, at) : await endSubscription(trx, row.id, at);
    if (stopped) await alongside(trx, row.id);
    return stopped;
  });
}
