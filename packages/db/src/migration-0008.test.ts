import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertSeller, insertSubscription, isUniqueViolation, migrateToLatest, type SubscriptionRecord } from "./index";
import { insertFreeProduct, migrateBackBefore, openTestDatabase, testDialects, type TestDatabase } from "./testing";

const at = "2027-01-01T00:00:00.000Z";

describe.each(testDialects())("migration 0008 on a database with repeated subscriptions, on %s", (dialect) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    await migrateBackBefore(handle.db, "0008-one-public-subscription");
  });
  afterAll(async () => handle.close());

  const subscription = (id: string, overrides: Partial<SubscriptionRecord> = {}): SubscriptionRecord => ({
    id,
    sellerId: "s1",
    productId: "prod-one",
    buyerAccount: "111111111111",
    pricingModel: "free",
    pricing: { model: "free" },
    quantity: 1,
    offerId: null,
    visibility: "public",
    status: "active",
    startsAt: "2027-03-01T10:00:00.000Z",
    endsAt: null,
    cancelledAt: null,
    ...overrides,
  });

  it("cancels the copies a double subscribe made where they began, keeps the first, and refuses a new copy", async () => {
    await insertSeller(handle.db, { id: "s1", name: "s1", dataSharingEnrolled: true, createdAt: at });
    await insertFreeProduct(handle.db, { sellerId: "s1", asin: "B000000001", id: "prod-one" });
    await insertSubscription(handle.db, subscription("sub-first-00000001"));
    await insertSubscription(handle.db, subscription("sub-copy-000000001", { startsAt: "2027-03-01T10:00:00.120Z" }));
    await insertSubscription(handle.db, subscription("sub-copy-000000002", { startsAt: "2027-03-01T10:00:00.120Z" }));
    await insertSubscription(handle.db, subscription("sub-other-00000001", { buyerAccount: "222222222222" }));
    await insertSubscription(handle.db, subscription("sub-annual-0000001", { pricingModel: "hourly_annual" }));
    await insertSubscription(handle.db, subscription("sub-annual-0000002", { pricingModel: "hourly_annual" }));

    await migrateToLatest(handle.db);
    const rows = await handle.db.selectFrom("subscriptions").select(["id", "status", "ends_at"]).orderBy("id").execute();
    expect(rows).toEqual([
      { id: "sub-annual-0000001", status: "active", ends_at: null },
      { id: "sub-annual-0000002", status: "active", ends_at: null },
      { id: "sub-copy-000000001", status: "cancelled", ends_at: "2027-03-01T10:00:00.120Z" },
      { id: "sub-copy-000000002", status: "cancelled", ends_at: "2027-03-01T10:00:00.120Z" },
      { id: "sub-first-00000001", status: "active", ends_at: null },
      { id: "sub-other-00000001", status: "active", ends_at: null },
    ]);
    const copy = await insertSubscription(handle.db, subscription("sub-copy-000000003")).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isUniqueViolation(copy)).toBe(true);
    await insertSubscription(handle.db, subscription("sub-annual-0000003", { pricingModel: "hourly_annual" }));
  });
});
