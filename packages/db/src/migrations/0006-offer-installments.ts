import { sql, type Kysely } from "kysely";
import { dialectOf } from "../dialect";

/** Every column of a sent offer that may never change, now with its payment schedule. */
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
 * Offers may be paid in installments. The new column joins the frozen ones: the guard that
 * refuses any change to a sent offer is rebuilt with it, in the same transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("offers").addColumn("installments", "text").execute();
  if (dialectOf(db) === "sqlite") {
    const changed = frozenColumns.map((column) => `NEW.${column} IS NOT OLD.${column}`).join(" OR ");
    await sql.raw("DROP TRIGGER offers_sent_are_immutable").execute(db);
    await sql
      .raw(
        `CREATE TRIGGER offers_sent_are_immutable BEFORE UPDATE ON offers
         WHEN OLD.status <> 'draft' AND (NEW.status = 'draft' OR ${changed})
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
           IF NEW.status = 'draft' OR ROW(${newRow}) IS DISTINCT FROM ROW(${oldRow}) THEN
             RAISE EXCEPTION 'OFFER_IMMUTABLE: a sent offer cannot change';
           END IF;
         END IF;
         IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
         RETURN NEW;
       END $$`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migration 0006 is not reversible: sent offers may hold payment schedules");
}
