import { sql, type Kysely, type Selectable } from "kysely";
import { dialectOf } from "../dialect";
import type { ContactsTable, Database } from "../schema";

export interface ContactRecord {
  id: string;
  sellerId: string;
  productId: string;
  subscriptionId: string;
  buyerAccount: string;
  sealed: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

const columns = ["id", "seller_id", "product_id", "subscription_id", "buyer_account", "sealed", "created_at", "updated_at", "deleted_at"] as const;

function toRecord(row: Selectable<ContactsTable>): ContactRecord {
  return {
    id: row.id,
    sellerId: row.seller_id,
    productId: row.product_id,
    subscriptionId: row.subscription_id,
    buyerAccount: row.buyer_account,
    sealed: row.sealed,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/**
 * Holds the subscription's row until the transaction ends, so two shares at once cannot both
 * see four contacts and both add a fifth (PostgreSQL; SQLite runs one writer at a time anyway).
 */
export async function lockSubscription(db: Kysely<Database>, subscriptionId: string): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`select id from subscriptions where id = ${subscriptionId} for update`.execute(db);
  }
}

export async function countLiveContacts(db: Kysely<Database>, subscriptionId: string): Promise<number> {
  const row = await db
    .selectFrom("contacts")
    .select(sql<number | string>`count(*)`.as("n"))
    .where("subscription_id", "=", subscriptionId)
    .where("deleted_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertContact(db: Kysely<Database>, contact: ContactRecord): Promise<void> {
  await db
    .insertInto("contacts")
    .values({
      id: contact.id,
      seller_id: contact.sellerId,
      product_id: contact.productId,
      subscription_id: contact.subscriptionId,
      buyer_account: contact.buyerAccount,
      sealed: contact.sealed,
      created_at: contact.createdAt,
      updated_at: contact.updatedAt,
      deleted_at: null,
    })
    .execute();
}

/** A live contact of this account with this seller; anyone else's is not found. */
export async function findContactOfAccount(db: Kysely<Database>, sellerId: string, account: string, id: string): Promise<ContactRecord | null> {
  const row = await db
    .selectFrom("contacts")
    .select(columns)
    .where("id", "=", id)
    .where("seller_id", "=", sellerId)
    .where("buyer_account", "=", account)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function listContactsOfAccount(db: Kysely<Database>, sellerId: string, account: string): Promise<ContactRecord[]> {
  const rows = await db
    .selectFrom("contacts")
    .select(columns)
    .where("seller_id", "=", sellerId)
    .where("buyer_account", "=", account)
    .where("deleted_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toRecord);
}

export async function updateContactSeal(db: Kysely<Database>, id: string, sealed: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("contacts")
    .set({ sealed, updated_at: at })
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes a contact by erasing its personal data; the row stays so the deletion can be reported. */
export async function eraseContact(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("contacts")
    .set({ sealed: null, deleted_at: at, updated_at: at })
    .where("id", "=", id)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function recordContactChange(
  db: Kysely<Database>,
  change: { sellerId: string; contactId: string; operation: "added" | "updated" | "deleted"; at: string },
): Promise<void> {
  await db
    .insertInto("contact_changes")
    .values({ seller_id: change.sellerId, contact_id: change.contactId, operation: change.operation, at: change.at })
    .execute();
}

export interface ContactChangeRow {
  sequence: string;
  operation: "added" | "updated" | "deleted";
  at: string;
  contact: ContactRecord;
  subscriptionStartsAt: string;
  marketplaceProductId: string;
  productCode: string;
}

/**
 * The seller's changes after `since`, oldest first. For a deleted contact only its deletion is
 * listed: what was added or updated before is gone with its data.
 */
export async function listContactChanges(db: Kysely<Database>, sellerId: string, since: string, limit: number): Promise<ContactChangeRow[]> {
  const rows = await db
    .selectFrom("contact_changes as ch")
    .innerJoin("contacts as c", "c.id", "ch.contact_id")
    .innerJoin("subscriptions as s", "s.id", "c.subscription_id")
    .innerJoin("products as p", "p.id", "c.product_id")
    .select([
      "ch.sequence",
      "ch.operation",
      "ch.at",
      "c.id",
      "c.seller_id",
      "c.product_id",
      "c.subscription_id",
      "c.buyer_account",
      "c.sealed",
      "c.created_at",
      "c.updated_at",
      "c.deleted_at",
      "s.starts_at",
      "p.marketplace_product_id",
      "p.product_code",
    ])
    .where("ch.seller_id", "=", sellerId)
    .where("ch.sequence", ">", since)
    .where((eb) => eb.or([eb("c.deleted_at", "is", null), eb("ch.operation", "=", "deleted")]))
    .orderBy("ch.sequence")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    sequence: String(row.sequence),
    operation: row.operation,
    at: row.at,
    contact: toRecord(row),
    subscriptionStartsAt: row.starts_at,
    marketplaceProductId: row.marketplace_product_id,
    productCode: row.product_code,
  }));
}

export interface EndedSubscriptionContact {
  contactId: string;
  sellerId: string;
  productId: string;
  subscriptionId: string;
  buyerAccount: string;
  /** When its subscription ended or was cancelled. */
  endedAt: string;
}

/**
 * Live contacts whose subscription was cancelled or has ended by `now` (one seller's, or every
 * seller's): the marketplace deletes them with it.
 */
export async function listContactsOfEndedSubscriptions(db: Kysely<Database>, sellerId: string | null, now: string): Promise<EndedSubscriptionContact[]> {
  let query = db
    .selectFrom("contacts as c")
    .innerJoin("subscriptions as s", "s.id", "c.subscription_id")
    .select(["c.id", "c.seller_id", "c.product_id", "c.subscription_id", "c.buyer_account", "s.ends_at", "s.cancelled_at"])
    .where("c.deleted_at", "is", null)
    .where((eb) => eb.or([eb("s.status", "=", "cancelled"), eb.and([eb("s.ends_at", "is not", null), eb("s.ends_at", "<=", now)])]));
  if (sellerId !== null) query = query.where("c.seller_id", "=", sellerId);
  const rows = await query.orderBy("c.created_at").orderBy("c.id").execute();
  return rows.map((row) => ({
    contactId: row.id,
    sellerId: row.seller_id,
    productId: row.product_id,
    subscriptionId: row.subscription_id,
    buyerAccount: row.buyer_account,
    endedAt: row.ends_at ?? row.cancelled_at ?? now,
  }));
}
