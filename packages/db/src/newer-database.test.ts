import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, pendingMigrations } from "./index";
import { openTestDatabase, testDialects, type TestDatabase } from "./testing";

describe.each(testDialects())("a database upgraded by a newer release, on %s", (dialect) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    // What a newer release leaves behind: a migration this code has never heard of.
    await sql`insert into kysely_migration (name, timestamp) values (${"9999-from-the-future"}, ${new Date().toISOString()})`.execute(handle.db);
  });
  afterAll(async () => handle.close());

  it("is refused by an older server, saying what to run and how to go back", async () => {
    const message = /This database was upgraded by a newer Offerkit \(migration 9999-from-the-future is unknown to this version\): run that version or a newer one\. Going back to this version means restoring a backup taken before the upgrade\./;
    await expect(migrateToLatest(handle.db)).rejects.toThrow(message);
    // Reading where it stands still works: an operator may look before deciding.
    expect(await pendingMigrations(handle.db)).toEqual([]);
  });
});
