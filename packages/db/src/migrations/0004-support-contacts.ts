import type { Kysely } from "kysely";
import { dialectOf } from "../dialect";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("contacts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("seller_id", "text", (c) => c.notNull().references("sellers.id"))
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("subscription_id", "text", (c) => c.notNull().references("subscriptions.id"))
    .addColumn("buyer_account", "text", (c) => c.notNull())
    // AES-256-GCM of the personal fields; null once the contact is deleted (erased).
    .addColumn("sealed", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("deleted_at", "text")
    .execute();
  await db.schema.createIndex("contacts_subscription").on("contacts").column("subscription_id").execute();

  const sequence = dialectOf(db) === "postgres" ? "bigserial" : "integer";
  await db.schema
    .createTable("contact_changes")
    .addColumn("sequence", sequence, (c) => (dialectOf(db) === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("seller_id", "text", (c) => c.notNull())
    .addColumn("contact_id", "text", (c) => c.notNull().references("contacts.id"))
    .addColumn("operation", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("contact_changes_seller").on("contact_changes").columns(["seller_id", "sequence"]).execute();
}

export async function down(): Promise<void> {
  throw new Error("Migration 0004 is not reversible");
}
