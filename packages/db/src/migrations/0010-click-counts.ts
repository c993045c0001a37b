import { sql, type Kysely } from "kysely";

/**
 * Each day, product and tag keeps its count of clicks, kept by the click writer in the same
 * transaction as the clicks themselves. Stats and reports read these counts instead of counting
 * the day's clicks: a count over the clicks grew with every click of the day, and on SQLite it
 * ran on the event loop, so under steady traffic every dashboard call held the redirect up a
 * little longer than the one before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("click_tags").addColumn("clicks", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await sql`update click_tags set clicks = (select count(*) from clicks c where c.day = click_tags.day and c.asin = click_tags.asin and c.ref_tag = click_tags.ref_tag)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("click_tags").dropColumn("clicks").execute();
}
