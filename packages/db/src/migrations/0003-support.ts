import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("products").addColumn("public_pricing", "text").execute();
  await db.schema.alterTable("products").addColumn("support_connection", "integer", (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable("subscriptions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("seller_id", "text", (c) => c.notNull().references("sellers.id"))
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("buyer_account", "text", (c) => c.notNull())
    .addColumn("pricing_model", "text", (c) => c.notNull())
    .addColumn("pricing", "text")
    .addColumn("quantity", "integer", (c) => c.notNull())
    .addColumn("offer_id", "text", (c) => c.references("offers.id"))
    .addColumn("visibility", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text")
    .addColumn("cancelled_at", "text")
    .execute();
  await db.schema.createIndex("subscriptions_seller_account").on("subscriptions").columns(["seller_id", "buyer_account"]).execute();
  await db.schema.createIndex("subscriptions_product_account").on("subscriptions").columns(["product_id", "buyer_account"]).execute();

  await db.schema
    .createTable("usage_records")
    .addColumn("product_id", "text", (c) => c.notNull())
    .addColumn("buyer_account", "text", (c) => c.notNull())
    .addColumn("dimension", "text", (c) => c.notNull())
    .addColumn("hour", "text", (c) => c.notNull())
    .addColumn("quantity", "bigint", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    // Idempotent on (customer, dimension, hour) for each product: a repeat is not counted twice.
    .addPrimaryKeyConstraint("usage_once_per_hour", ["product_id", "buyer_account", "dimension", "hour"])
    .execute();

  await db.schema
    .createTable("support_lookups")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("seller_id", "text", (c) => c.notNull().references("sellers.id"))
    .addColumn("key_id", "text", (c) => c.notNull())
    .addColumn("account", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("subscriptions_found", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("support_lookups_seller_time").on("support_lookups").columns(["seller_id", "at"]).execute();
}

export async function down(): Promise<void> {
  throw new Error("Migration 0003 is not reversible");
}
