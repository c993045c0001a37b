import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLatestClick, insertSeller, migrateToLatest } from "./index";
import { insertFreeProduct, migrateBackBefore, migrationsBefore, openTestDatabase, testDialects, type TestDatabase } from "./testing";

const at = "2027-01-01T00:00:00.000Z";

describe.each(testDialects())("migration 0007 on a database with clicks, on %s", (dialect) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    await migrateBackBefore(handle.db, "0007-click-tags");
  });
  afterAll(async () => handle.close());

  it("lists every day, product and tag clicked before it, so attribution still finds those clicks, and migration 0010 counts them", async () => {
    const pending = await new Migrator({ db: handle.db, provider: { getMigrations: async () => migrationsBefore("0007-click-tags") } }).getMigrations();
    expect(pending.filter((migration) => !migration.executedAt)).toEqual([]);
    await insertSeller(handle.db, { id: "s1", name: "s1", dataSharingEnrolled: true, createdAt: at });
    await insertFreeProduct(handle.db, { sellerId: "s1", asin: "B000000001" });
    const click = (day: string, refTag: string, sessionKey: string) => ({ asin: "B000000001", ref_tag: refTag, session_key: sessionKey, day, clicked_at: `${day}T10:00:00.000Z` });
    await handle.db
      .insertInto("clicks")
      .values([click("2027-03-01", "ads_a", "v1"), click("2027-03-01", "ads_a", "v2"), click("2027-03-02", "ads_b", "v1"), click("2027-03-03", "ads_a", "v2")])
      .execute();

    await migrateToLatest(handle.db);
    const tags = await handle.db.selectFrom("click_tags").selectAll().orderBy("day").orderBy("ref_tag").execute();
    expect(tags).toEqual([
      { day: "2027-03-01", asin: "B000000001", ref_tag: "ads_a", clicks: 2 },
      { day: "2027-03-02", asin: "B000000001", ref_tag: "ads_b", clicks: 1 },
      { day: "2027-03-03", asin: "B000000001", ref_tag: "ads_a", clicks: 1 },
    ]);
    const latest = await findLatestClick(handle.db, { sellerId: "s1", asin: "B000000001", sessionKey: "v1", since: "2027-02-01T00:00:00.000Z" });
    expect(latest).toEqual({ asin: "B000000001", refTag: "ads_b", sessionKey: "v1", day: "2027-03-02", clickedAt: "2027-03-02T10:00:00.000Z" });
    const indexes = dialect === "sqlite"
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'index' and name = 'clicks_attribution'`.execute(handle.db)
      : await sql<{ name: string }>`select indexname as name from pg_indexes where indexname = 'clicks_attribution' and schemaname = current_schema()`.execute(handle.db);
    expect(indexes.rows).toEqual([]);
  });
});
