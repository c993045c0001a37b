import { publicationErrorSchema, type PublicationError } from "@offerkit/core";
import type { Kysely, Selectable, Updateable } from "kysely";
import type { Database, OfferPublicationsTable } from "../schema";

export type StoredPublicationState = OfferPublicationsTable["state"];

/** The agreement a buyer made on the marketplace. */
export interface PublicationAgreement {
  id: string;
  buyerAccount: string | null;
  acceptedAt: string;
  startsAt: string | null;
  endsAt: string | null;
}

export interface PublicationRecord {
  offerId: string;
  sellerId: string;
  state: StoredPublicationState;
  attempt: number;
  /** When this attempt began: a retry of it rebuilds exactly the same request. */
  attemptStartedAt: string;
  changeSetId: string | null;
  marketplaceOfferId: string | null;
  buyerUrl: string | null;
  error: PublicationError | null;
  agreement: PublicationAgreement | null;
  nextCheckAt: string | null;
  failuresInARow: number;
  createdAt: string;
  updatedAt: string;
}

function toRecord(row: Selectable<OfferPublicationsTable>): PublicationRecord {
  const agreement =
    row.agreement_id === null || row.agreement_accepted_at === null
      ? null
      : {
          id: row.agreement_id,
          buyerAccount: row.agreement_buyer_account,
          acceptedAt: row.agreement_accepted_at,
          startsAt: row.agreement_starts_at,
          endsAt: row.agreement_ends_at,
        };
  return {
    offerId: row.offer_id,
    sellerId: row.seller_id,
    state: row.state,
    attempt: Number(row.attempt),
    attemptStartedAt: row.attempt_started_at,
    changeSetId: row.change_set_id,
    marketplaceOfferId: row.marketplace_offer_id,
    buyerUrl: row.marketplace_buyer_url,
    error: row.error === null ? null : publicationErrorSchema.parse(JSON.parse(row.error)),
    agreement,
    nextCheckAt: row.next_check_at,
    failuresInARow: Number(row.failures_in_a_row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Records the publication of an offer that was just sent, in the send's own transaction. */
export async function insertPublication(
  db: Kysely<Database>,
  publication: {
    offerId: string;
    sellerId: string;
    state: StoredPublicationState;
    buyerUrl: string | null;
    nextCheckAt: string | null;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto("offer_publications")
    .values({
      offer_id: publication.offerId,
      seller_id: publication.sellerId,
      state: publication.state,
      attempt: 1,
      attempt_started_at: publication.at,
      marketplace_buyer_url: publication.buyerUrl,
      next_check_at: publication.nextCheckAt,
      created_at: publication.at,
      updated_at: publication.at,
    })
    .execute();
}

export async function findPublication(db: Kysely<Database>, offerId: string): Promise<PublicationRecord | null> {
  const row = await db.selectFrom("offer_publications").selectAll().where("offer_id", "=", offerId).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Publications whose next check is due at `now`, the longest waiting first. */
export async function listDuePublications(db: Kysely<Database>, now: string, limit: number): Promise<PublicationRecord[]> {
  const rows = await db
    .selectFrom("offer_publications")
    .selectAll()
    .where("next_check_at", "<=", now)
    .orderBy("next_check_at")
    .orderBy("offer_id")
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

/**
 * Takes a due publication for one follower: moves its next check to `leaseUntil` only if no
 * other follower moved it first. False when another server got it.
 */
export async function claimPublication(
  db: Kysely<Database>,
  publication: Pick<PublicationRecord, "offerId" | "nextCheckAt">,
  leaseUntil: string,
): Promise<boolean> {
  if (publication.nextCheckAt === null) return false;
  const result = await db
    .updateTable("offer_publications")
    .set({ next_check_at: leaseUntil })
    .where("offer_id", "=", publication.offerId)
    .where("next_check_at", "=", publication.nextCheckAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** What a follower learned about one attempt. */
export interface PublicationUpdate {
  state?: StoredPublicationState;
  changeSetId?: string;
  marketplaceOfferId?: string;
  buyerUrl?: string;
  error?: PublicationError;
  agreement?: PublicationAgreement;
  nextCheckAt: string | null;
  failuresInARow?: number;
  at: string;
}

/**
 * Writes what a follower learned, only while the publication is still at `attempt`: the answer
 * to an attempt that a republish replaced is dropped, never written over the new one.
 */
export async function updatePublication(db: Kysely<Database>, offerId: string, attempt: number, update: PublicationUpdate): Promise<boolean> {
  const set: Updateable<OfferPublicationsTable> = { next_check_at: update.nextCheckAt, updated_at: update.at };
  if (update.state !== undefined) set.state = update.state;
  if (update.changeSetId !== undefined) set.change_set_id = update.changeSetId;
  if (update.marketplaceOfferId !== undefined) set.marketplace_offer_id = update.marketplaceOfferId;
  if (update.buyerUrl !== undefined) set.marketplace_buyer_url = update.buyerUrl;
  if (update.error !== undefined) set.error = JSON.stringify(update.error);
  if (update.failuresInARow !== undefined) set.failures_in_a_row = update.failuresInARow;
  if (update.agreement !== undefined) {
    set.agreement_id = update.agreement.id;
    set.agreement_buyer_account = update.agreement.buyerAccount;
    set.agreement_accepted_at = update.agreement.acceptedAt;
    set.agreement_starts_at = update.agreement.startsAt;
    set.agreement_ends_at = update.agreement.endsAt;
  }
  const result = await db
    .updateTable("offer_publications")
    .set(set)
    .where("offer_id", "=", offerId)
    .where("attempt", "=", attempt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Starts the next attempt of a failed publication, with the same terms: only from `failed` and
 * only from the attempt the caller saw, so two concurrent republishes start one attempt.
 */
export async function restartPublication(
  db: Kysely<Database>,
  sellerId: string,
  offerId: string,
  fromAttempt: number,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable("offer_publications")
    .set({
      state: "publishing",
      attempt: fromAttempt + 1,
      attempt_started_at: at,
      change_set_id: null,
      error: null,
      failures_in_a_row: 0,
      next_check_at: at,
      updated_at: at,
    })
    .where("offer_id", "=", offerId)
    .where("seller_id", "=", sellerId)
    .where("state", "=", "failed")
    .where("attempt", "=", fromAttempt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
