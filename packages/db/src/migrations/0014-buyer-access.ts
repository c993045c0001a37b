import type { Kysely } from "kysely";

/**
 * How a buyer reaches its offer in a browser. An invitation is a one-time link a seller makes
 * for one offer and one account; a session is what opening it (or signing in with a buyer
 * token) gives the browser, as a cookie. Only SHA-256 hashes of their secrets are stored, as
 * for API keys: the database alone lets nobody in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("buyer_invitations")
    .addColumn("token_hash", "text", (column) => column.primaryKey())
    .addColumn("seller_id", "text", (column) => column.notNull().references("sellers.id"))
    .addColumn("offer_id", "text", (column) => column.notNull().references("offers.id"))
    .addColumn("buyer_account", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("expires_at", "text", (column) => column.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("buyer_invitations_offer").on("buyer_invitations").columns(["offer_id", "buyer_account"]).execute();
  await db.schema
    .createTable("buyer_sessions")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("secret_hash", "text", (column) => column.notNull().unique())
    .addColumn("seller_id", "text", (column) => column.notNull().references("sellers.id"))
    .addColumn("buyer_account", "text", (column) => column.notNull())
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("expires_at", "text", (column) => column.notNull())
    .addColumn("ended_at", "text")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("buyer_sessions").execute();
  await db.schema.dropTable("buyer_invitations").execute();
}
