import type { Kysely } from "kysely";
import type { Database } from "../schema";

export interface BuyerInvitationRecord {
  sellerId: string;
  offerId: string;
  buyerAccount: string;
  expiresAt: string;
}

export async function insertBuyerInvitation(
  db: Kysely<Database>,
  invitation: BuyerInvitationRecord & { tokenHash: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto("buyer_invitations")
    .values({
      token_hash: invitation.tokenHash,
      seller_id: invitation.sellerId,
      offer_id: invitation.offerId,
      buyer_account: invitation.buyerAccount,
      created_at: invitation.createdAt,
      expires_at: invitation.expiresAt,
    })
    .execute();
}

/**
 * Uses an invitation once: only an unused one that has not expired at `at` is marked used, so of
 * two browsers opening the same link at once, one gets in. Null when it cannot be used.
 */
export async function useBuyerInvitation(db: Kysely<Database>, tokenHash: string, at: string): Promise<BuyerInvitationRecord | null> {
  const used = await db
    .updateTable("buyer_invitations")
    .set({ used_at: at })
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", at)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) === 0) return null;
  const row = await db.selectFrom("buyer_invitations").selectAll().where("token_hash", "=", tokenHash).executeTakeFirstOrThrow();
  return { sellerId: row.seller_id, offerId: row.offer_id, buyerAccount: row.buyer_account, expiresAt: row.expires_at };
}

export interface BuyerSessionRecord {
  id: string;
  sellerId: string;
  buyerAccount: string;
  expiresAt: string;
}

export async function insertBuyerSession(db: Kysely<Database>, session: BuyerSessionRecord & { secretHash: string; createdAt: string }): Promise<void> {
  await db
    .insertInto("buyer_sessions")
    .values({
      id: session.id,
      secret_hash: session.secretHash,
      seller_id: session.sellerId,
      buyer_account: session.buyerAccount,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The session a cookie names, if it is neither ended nor expired at `at`. */
export async function findLiveBuyerSession(db: Kysely<Database>, secretHash: string, at: string): Promise<BuyerSessionRecord | null> {
  const row = await db
    .selectFrom("buyer_sessions")
    .selectAll()
    .where("secret_hash", "=", secretHash)
    .where("ended_at", "is", null)
    .where("expires_at", ">", at)
    .executeTakeFirst();
  return row ? { id: row.id, sellerId: row.seller_id, buyerAccount: row.buyer_account, expiresAt: row.expires_at } : null;
}

export async function endBuyerSession(db: Kysely<Database>, secretHash: string, at: string): Promise<void> {
  await db.updateTable("buyer_sessions").set({ ended_at: at }).where("secret_hash", "=", secretHash).where("ended_at", "is", null).execute();
}
