import type { Kysely } from "kysely";

/**
 * Buyers' copies of a sent offer's EULA: one per offer and buyer account, stamped with a footer
 * naming both and kept in the blob store under its own SHA-256, so the copy is made once and
 * every later download serves the same bytes. The primary key settles two first downloads made
 * together: one row, whichever copy was written first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("stamped_eula_copies")
    .addColumn("offer_id", "text", (c) => c.notNull().references("offers.id"))
    .addColumn("buyer_account", "text", (c) => c.notNull())
    .addColumn("seller_id", "text", (c) => c.notNull().references("sellers.id"))
    // The document the copy was made from: the offer's frozen EULA.
    .addColumn("original_sha256", "text", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    // The exact line stamped on every page, as written (after sanitizeFooter).
    .addColumn("footer", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("stamped_eula_copies_pkey", ["offer_id", "buyer_account"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("stamped_eula_copies").execute();
}
