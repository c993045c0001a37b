import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";

/** A sent offer whose acceptance deadline has passed, with the accounts that accepted it. */
export interface ExpiredOffer {
  id: string;
  sellerId: string;
  acceptanceDeadline: string;
  buyerAccounts: string[];
  acceptedAccounts: string[];
}

/**
 * Sent offers whose last day to accept is in [fromDay, beforeDay) and for which no
 * `offer.expired` event was written yet.
 */
export async function listExpiredOffersToAnnounce(db: Kysely<Database>, { fromDay, beforeDay, limit }: { fromDay: string; beforeDay: string; limit: number }): Promise<ExpiredOffer[]> {
  const rows = await db
    .selectFrom("offers as o")
    .select(["o.id", "o.seller_id", "o.acceptance_deadline", "o.buyer_accounts"])
    .where("o.status", "in", ["sent", "accepted"])
    .where("o.acceptance_deadline", ">=", fromDay)
    .where("o.acceptance_deadline", "<", beforeDay)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("webhook_events as v")
            .select("v.id")
            .whereRef("v.seller_id", "=", "o.seller_id")
            .where("v.dedupe_key", "=", sql<string>`'offer.expired:' || o.id`),
        ),
      ),
    )
    .orderBy("o.acceptance_deadline")
    .orderBy("o.id")
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const agreements = await db.selectFrom("agreements").select(["offer_id", "buyer_account"]).where("offer_id", "in", rows.map((row) => row.id)).execute();
  return rows.flatMap((row) =>
    row.acceptance_deadline === null
      ? []
      : [
          {
            id: row.id,
            sellerId: row.seller_id,
            acceptanceDeadline: row.acceptance_deadline,
            buyerAccounts: JSON.parse(row.buyer_accounts) as string[],
            acceptedAccounts: agreements.filter((agreement) => agreement.offer_id === row.id).map((agreement) => agreement.buyer_account),
          },
        ],
  );
}

/** An agreement whose subscription ran out or was cancelled. */
export interface EndedAgreement {
  id: string;
  sellerId: string;
  offerId: string;
  buyerAccount: string;
  endedAt: string;
  reason: "term_ended" | "cancelled";
}

/**
 * Agreements whose subscription ended (its end passed) or was cancelled in [from, to), for which
 * no `agreement.ended` event was written yet.
 */
function agreementsWithSubscriptions(db: Kysely<Database>) {
  return db
    .selectFrom("agreements as a")
    .innerJoin("subscriptions as s", (join) =>
      join.onRef("s.offer_id", "=", "a.offer_id").onRef("s.buyer_account", "=", "a.buyer_account").onRef("s.seller_id", "=", "a.seller_id"),
    )
    .select(["a.id", "a.seller_id", "a.offer_id", "a.buyer_account", "s.status", "s.ends_at", "s.cancelled_at"]);
}

function toEndedAgreement(row: { id: string; seller_id: string; offer_id: string; buyer_account: string; status: "active" | "cancelled"; ends_at: string | null; cancelled_at: string | null }): EndedAgreement | null {
  const cancelled = row.status === "cancelled" && row.cancelled_at !== null;
  const endedAt = cancelled ? row.cancelled_at : row.ends_at;
  if (endedAt === null) return null;
  return { id: row.id, sellerId: row.seller_id, offerId: row.offer_id, buyerAccount: row.buyer_account, endedAt, reason: cancelled ? "cancelled" : "term_ended" };
}

export async function listEndedAgreementsToAnnounce(db: Kysely<Database>, { from, to, limit }: { from: string; to: string; limit: number }): Promise<EndedAgreement[]> {
  const rows = await agreementsWithSubscriptions(db)
    .where((eb) =>
      eb.or([
        eb.and([eb("s.status", "=", "cancelled"), eb("s.cancelled_at", ">=", from), eb("s.cancelled_at", "<", to)]),
        eb.and([eb("s.status", "=", "active"), eb("s.ends_at", ">=", from), eb("s.ends_at", "<", to)]),
      ]),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("webhook_events as v")
            .select("v.id")
            .whereRef("v.seller_id", "=", "a.seller_id")
            .where("v.dedupe_key", "=", sql<string>`'agreement.ended:' || a.id`),
        ),
      ),
    )
    .orderBy("a.id")
    .limit(limit)
    .execute();
  return rows.flatMap((row) => toEndedAgreement(row) ?? []);
}

/**
 * The agreement of a subscription that was just cancelled or ended, as its `agreement.ended`
 * event tells it; null for a subscription no agreement made, or one that has no end.
 */
export async function findEndedAgreementOfSubscription(db: Kysely<Database>, subscriptionId: string): Promise<EndedAgreement | null> {
  const row = await agreementsWithSubscriptions(db).where("s.id", "=", subscriptionId).executeTakeFirst();
  return row ? toEndedAgreement(row) : null;
}
