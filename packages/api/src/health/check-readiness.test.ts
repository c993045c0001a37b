import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateToLatest, openDatabase } from "@offerkit/db";
import { afterAll, describe, expect, it } from "vitest";
import { checkReadiness } from "./check-readiness";

describe("readiness", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "offerkit-ready-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("is not ready while migrations are pending, ready once applied, and not ready once the database is gone", async () => {
    const handle = openDatabase({ dataDir });
    const before = await checkReadiness(handle.db, 2000);
    expect(before.ready).toBe(false);
    expect(before.database).toBe("ok");
    expect(before.pendingMigrations).toContain("0001-initial");

    await migrateToLatest(handle.db);
    expect(await checkReadiness(handle.db, 2000)).toEqual({ ready: true, database: "ok", pendingMigrations: [] });

    await handle.close();
    expect(await checkReadiness(handle.db, 2000)).toEqual({ ready: false, database: "unreachable", pendingMigrations: [] });
  });
});
