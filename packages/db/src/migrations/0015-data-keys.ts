import type { Kysely } from "kysely";

/**
 * The check values of the master keys that support contacts are sealed under (never the keys):
 * a server whose keys do not open the data refuses to start instead of making a new key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("data_keys")
    .addColumn("key_id", "text", (c) => c.primaryKey())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("data_keys").execute();
}
