import { sql, type Kysely } from "kysely";
import { dialectOf } from "../dialect";

/**
 * Clicks lose their attribution index. Visitor keys are random, so every new click landed on a
 * random page of that index as well as of the primary key; on SQLite each commit writes every
 * page it touched whole, and the index doubled the click writer's work. Attribution now walks
 * the few tags a product had each day (`click_tags`, a row per day, product and tag) and looks
 * each visit up by the primary key.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("click_tags")
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("asin", "text", (c) => c.notNull())
    .addColumn("ref_tag", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("click_tags_key", ["day", "asin", "ref_tag"])
    .$call((table) => (dialectOf(db) === "sqlite" ? table.modifyEnd(sql`without rowid`) : table))
    .execute();
  await sql`insert into click_tags (day, asin, ref_tag) select distinct day, asin, ref_tag from clicks`.execute(db);
  await db.schema.dropIndex("clicks_attribution").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("clicks_attribution").on("clicks").columns(["session_key", "asin", "clicked_at"]).execute();
  await db.schema.dropTable("click_tags").execute();
}
