import { sql, type Kysely } from "kysely";
import { dialectOf } from "../dialect";

export async function up(db: Kysely<unknown>): Promise<void> {
  // The hot table: one row per counted click, kept lean. The product's seller follows from the
  // ASIN, so no tenant column is repeated; on SQLite the primary key is the table (no rowid).
  await db.schema
    .createTable("clicks")
    .addColumn("asin", "text", (c) => c.notNull())
    .addColumn("ref_tag", "text", (c) => c.notNull())
    .addColumn("session_key", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("clicked_at", "text", (c) => c.notNull())
    // One click per visitor session, UTC day, product and ref tag: repeats are ignored on insert.
    .addPrimaryKeyConstraint("clicks_unique_visit", ["day", "asin", "ref_tag", "session_key"])
    .$call((table) => (dialectOf(db) === "sqlite" ? table.modifyEnd(sql`without rowid`) : table))
    .execute();
  await db.schema.createIndex("clicks_attribution").on("clicks").columns(["session_key", "asin", "clicked_at"]).execute();

  await db.schema
    .createTable("conversions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("seller_id", "text", (c) => c.notNull().references("sellers.id"))
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("asin", "text", (c) => c.notNull())
    .addColumn("ref_tag", "text", (c) => c.notNull())
    .addColumn("click_day", "text", (c) => c.notNull())
    .addColumn("session_key", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("external_id", "text", (c) => c.notNull())
    .addColumn("estimated_usage", "bigint", (c) => c.notNull())
    .addColumn("estimated_revenue_micros", "bigint", (c) => c.notNull())
    .addColumn("converted_at", "text", (c) => c.notNull())
    .addUniqueConstraint("conversions_once", ["seller_id", "source", "external_id"])
    .execute();
  await db.schema.createIndex("conversions_seller_time").on("conversions").columns(["seller_id", "converted_at"]).execute();
  await db.schema.createIndex("conversions_seller_click_day").on("conversions").columns(["seller_id", "click_day"]).execute();

  await db.schema
    .createTable("daily_salts")
    .addColumn("day", "text", (c) => c.primaryKey())
    .addColumn("salt", "text", (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error("Migration 0002 is not reversible");
}
