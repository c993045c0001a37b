import { sql, type Kysely } from "kysely";
import { dialectOf } from "../dialect";

/** Every column of a sent offer that may never change (as of migration 0006). */
const frozenColumns = [
  "seller_id",
  "product_id",
  "name",
  "description",
  "buyer_accounts",
  "pricing",
  "eula_sha256",
  "agreement",
  "acceptance_deadline",
  "refund_policy",
  "installments",
  "replaces_offer_id",
  "buyer_url",
  "terms_sha256",
  "created_at",
  "sent_at",
];

/**
 * Closes the gaps found in the database's guard on sent offers. An offer's status only moves
 * forward (draft, sent, accepted) and its acceptance time, once set, stays; on SQLite a sent
 * offer cannot be replaced by an insert with its id (`REPLACE INTO`, `INSERT OR REPLACE`, whose
 * implied delete fires no delete trigger); on PostgreSQL the offers table cannot be truncated
 * while it holds a sent offer (directly, or through `TRUNCATE ... CASCADE` on another table).
 */
/** The update guard: with `forwardOnly`, this migration's; without, migration 0006's. */
async function createUpdateGuard(db: Kysely<unknown>, forwardOnly: boolean): Promise<void> {
  // A status that moves back, or an acceptance time that changes once set.
  const backwards = (distinct: string) =>
    forwardOnly ? ` OR (OLD.status = 'accepted' AND NEW.status <> 'accepted') OR (OLD.accepted_at IS NOT NULL AND NEW.accepted_at ${distinct} OLD.accepted_at)` : "";
  if (dialectOf(db) === "sqlite") {
    const changed = frozenColumns.map((column) => `NEW.${column} IS NOT OLD.${column}`).join(" OR ");
    await sql.raw("DROP TRIGGER offers_sent_are_immutable").execute(db);
    await sql
      .raw(
        `CREATE TRIGGER offers_sent_are_immutable BEFORE UPDATE ON offers
         WHEN OLD.status <> 'draft' AND (NEW.status = 'draft'${backwards("IS NOT")} OR ${changed})
         BEGIN SELECT RAISE(ABORT, 'OFFER_IMMUTABLE: a sent offer cannot change'); END`,
      )
      .execute(db);
    return;
  }
  const oldRow = frozenColumns.map((column) => `OLD.${column}`).join(", ");
  const newRow = frozenColumns.map((column) => `NEW.${column}`).join(", ");
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION offers_guard_sent() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF OLD.status <> 'draft' THEN
           IF TG_OP = 'DELETE' THEN
             RAISE EXCEPTION 'OFFER_IMMUTABLE: a sent offer cannot be deleted';
           END IF;
           IF NEW.status = 'draft'${backwards("IS DISTINCT FROM")} OR ROW(${newRow}) IS DISTINCT FROM ROW(${oldRow}) THEN
             RAISE EXCEPTION 'OFFER_IMMUTABLE: a sent offer cannot change';
           END IF;
         END IF;
         IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
         RETURN NEW;
       END $$`,
    )
    .execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await createUpdateGuard(db, true);
  if (dialectOf(db) === "sqlite") {
    // Runs before the conflict is resolved, so before REPLACE deletes the row it replaces.
    await sql
      .raw(
        `CREATE TRIGGER offers_sent_are_not_replaced BEFORE INSERT ON offers
         WHEN EXISTS (SELECT 1 FROM offers WHERE id = NEW.id AND status <> 'draft')
         BEGIN SELECT RAISE(ABORT, 'OFFER_IMMUTABLE: a sent offer cannot be replaced'); END`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION offers_guard_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF EXISTS (SELECT 1 FROM offers WHERE status <> 'draft') THEN
           RAISE EXCEPTION 'OFFER_IMMUTABLE: the offers table holds sent offers and cannot be truncated';
         END IF;
         RETURN NULL;
       END $$`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER offers_sent_are_not_truncated BEFORE TRUNCATE ON offers FOR EACH STATEMENT EXECUTE FUNCTION offers_guard_truncate()`)
    .execute(db);
}

/** Back to migration 0006's guard, gaps included. */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === "sqlite") {
    await sql.raw("DROP TRIGGER offers_sent_are_not_replaced").execute(db);
  } else {
    await sql.raw("DROP TRIGGER offers_sent_are_not_truncated ON offers").execute(db);
    await sql.raw("DROP FUNCTION offers_guard_truncate()").execute(db);
  }
  await createUpdateGuard(db, false);
}
