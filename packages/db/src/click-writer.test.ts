import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClickWriter, type ClickRecord, type ClickWriter } from "./index";
import { openTestDatabase, testDialects, type TestDatabase } from "./testing";

const click = (visitor: number, overrides: Partial<ClickRecord> = {}): ClickRecord => ({
  asin: "B000000001",
  refTag: "ads_q3",
  sessionKey: `visitor-${String(visitor).padStart(12, "0")}`,
  day: "2027-03-01",
  clickedAt: "2027-03-01T10:00:00.000Z",
  ...overrides,
});

describe.each(testDialects())("the click writer on %s", (dialect) => {
  let handle: TestDatabase;
  let writer: ClickWriter;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    writer = createClickWriter(handle);
  });
  afterAll(async () => {
    await writer.close();
    await handle.close();
  });

  const stored = async () => {
    const rows = await sql<{ session_key: string }>`select session_key from clicks order by session_key`.execute(handle.db);
    return rows.rows.map((row) => row.session_key);
  };

  it("writes a batch of any length, whole statements and the rows left over, and counts only new clicks", async () => {
    // 1,234 clicks: twelve statements of a hundred rows and 34 rows on their own on SQLite.
    const batch = Array.from({ length: 1234 }, (_, visitor) => click(visitor));
    expect(await writer.write(batch)).toBe(1234);
    expect(await stored()).toEqual(batch.map((c) => c.sessionKey));
    expect(await handle.db.selectFrom("click_tags").selectAll().execute()).toEqual([{ day: "2027-03-01", asin: "B000000001", ref_tag: "ads_q3", clicks: 1234 }]);
  });

  // SQLite only: PostgreSQL has no such setting per connection.
  if (dialect === "sqlite") {
    it("takes the checkpoints off the event loop's connection", async () => {
      const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(handle.db);
      expect(rows).toEqual([{ wal_autocheckpoint: 0 }]);
    });
  }

  it("ignores repeats within a batch and of clicks already written, wherever they fall", async () => {
    const before = (await stored()).length;
    const batch = [
      ...Array.from({ length: 150 }, (_, i) => click(i)),
      ...Array.from({ length: 150 }, (_, i) => click(5000 + (i % 75))),
      click(6000, { refTag: "acme_ptnr_x" }),
    ];
    expect(await writer.write(batch)).toBe(76);
    expect((await stored()).length).toBe(before + 76);
    expect(await handle.db.selectFrom("click_tags").select("ref_tag").orderBy("ref_tag").execute()).toEqual([{ ref_tag: "acme_ptnr_x" }, { ref_tag: "ads_q3" }]);
    expect(await writer.write([])).toBe(0);
  });

  it("keeps each day, product and tag's count equal to its clicks, batches of mixed tags and repeats included", async () => {
    const days = ["2027-03-02", "2027-03-03"];
    for (let round = 0; round < 3; round += 1) {
      const batch = Array.from({ length: 700 }, (_, i) => click(i % 400, { day: days[i % 2] ?? "", refTag: ["ads_a", "ads_b", "x_ptnr_c"][i % 3] ?? "" }));
      await writer.write(batch);
    }
    const { rows } = await sql<{ day: string; asin: string; ref_tag: string; counted: number | string; kept: number | string }>`
      select t.day, t.asin, t.ref_tag, t.clicks as kept,
             (select count(*) from clicks c where c.day = t.day and c.asin = t.asin and c.ref_tag = t.ref_tag) as counted
      from click_tags t where t.day in ('2027-03-02', '2027-03-03')`.execute(handle.db);
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(Number(row.kept), `${row.day} ${row.ref_tag}`).toBe(Number(row.counted));
  });

  it("rejects a batch the database refuses part of, and writes none of it", async () => {
    // A trigger refuses one click, placed after the first full statement of the batch.
    if (dialect === "sqlite") {
      await sql`create trigger refuse_click before insert on clicks when new.session_key = 'refused' begin select raise(abort, 'click refused'); end`.execute(handle.db);
    } else {
      await sql`create function refuse_click() returns trigger language plpgsql as $$ begin raise exception 'click refused'; end $$`.execute(handle.db);
      await sql`create trigger refuse_click before insert on clicks for each row when (new.session_key = 'refused') execute function refuse_click()`.execute(handle.db);
    }
    const before = (await stored()).length;
    const batch = [...Array.from({ length: 120 }, (_, i) => click(7000 + i)), click(0, { sessionKey: "refused" })];
    await expect(writer.write(batch)).rejects.toThrow(/click refused/);
    expect((await stored()).length).toBe(before);
    await sql`drop trigger refuse_click${dialect === "postgres" ? sql` on clicks` : sql``}`.execute(handle.db);
    expect(await writer.write(batch)).toBe(121);
  });
});
