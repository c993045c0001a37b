import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertSeller, insertWebhookEvent, migrateToLatest } from "./index";
import { migrateBackBefore, openTestDatabase, testDialects, type TestDatabase } from "./testing";

const at = "2027-01-01T00:00:00.000Z";

describe.each(testDialects())("migration 0017 (webhooks) on %s", (dialect) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
  });
  afterAll(async () => handle.close());

  const event = (id: string, dedupeKey: string | null) => ({ id, sellerId: "s1", type: "offer.expired", version: 1, data: "{}", dedupeKey, createdAt: at });

  it("writes an event with a dedupe key once, and events without one as often as they come", async () => {
    await insertSeller(handle.db, { id: "s1", name: "s1", dataSharingEnrolled: true, createdAt: at });
    let n = 0;
    const newId = () => `whdl-${(n += 1)}`;
    expect(await insertWebhookEvent(handle.db, event("evt-a", "offer.expired:offer-1"), newId)).toBe(true);
    expect(await insertWebhookEvent(handle.db, event("evt-b", "offer.expired:offer-1"), newId)).toBe(false);
    expect(await insertWebhookEvent(handle.db, event("evt-c", null), newId)).toBe(true);
    expect(await insertWebhookEvent(handle.db, event("evt-d", null), newId)).toBe(true);
    const ids = (await handle.db.selectFrom("webhook_events").select("id").orderBy("id").execute()).map((row) => row.id);
    expect(ids).toEqual(["evt-a", "evt-c", "evt-d"]);
  });

  it("goes down and up again", async () => {
    await migrateBackBefore(handle.db, "0017-webhooks");
    await expect(handle.db.selectFrom("webhook_events").select("id").execute()).rejects.toThrow();
    await migrateToLatest(handle.db);
    expect(await handle.db.selectFrom("webhook_events").select("id").execute()).toEqual([]);
  });
});
