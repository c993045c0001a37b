import { sql, type Kysely } from "kysely";

/**
 * Publication to the live marketplace. Sent offers are immutable down to their row, so where an
 * offer stands on the marketplace lives in a table of its own, one row per sent offer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("offer_publications")
    .addColumn("offer_id", "text", (c) => c.primaryKey().references("offers.id"))
    .addColumn("seller_id", "text", (c) => c.notNull().references("sellers.id"))
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("attempt", "integer", (c) => c.notNull())
    // Every retry of one attempt signs its request as of this time, so it is the same request.
    .addColumn("attempt_started_at", "text", (c) => c.notNull())
    .addColumn("change_set_id", "text")
    .addColumn("marketplace_offer_id", "text")
    .addColumn("marketplace_buyer_url", "text")
    // JSON: { message, details: [{ code, message }] }, the marketplace's own words.
    .addColumn("error", "text")
    .addColumn("agreement_id", "text")
    .addColumn("agreement_buyer_account", "text")
    .addColumn("agreement_accepted_at", "text")
    .addColumn("agreement_starts_at", "text")
    .addColumn("agreement_ends_at", "text")
    // When the follower looks at it next; null once nothing is left to follow.
    .addColumn("next_check_at", "text")
    .addColumn("failures_in_a_row", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("offer_publications_due").on("offer_publications").column("next_check_at").execute();

  // Offers sent before publishers existed were published by this server, at their own buyer URL.
  await sql`INSERT INTO offer_publications
      (offer_id, seller_id, state, attempt, attempt_started_at, marketplace_buyer_url, failures_in_a_row, created_at, updated_at)
    SELECT id, seller_id, 'published', 1, sent_at, buyer_url, 0, sent_at, sent_at
    FROM offers WHERE status <> 'draft'`.execute(db);

  await db.schema.alterTable("products").addColumn("catalog_product_id", "text").execute();
}

export async function down(): Promise<void> {
  throw new Error("Migration 0005 is not reversible");
}
