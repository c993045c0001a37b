import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAccountOfSaasCustomer, insertSeller, migrateToLatest, saasCustomerIdentifier } from "./index";
import { insertFreeProduct, migrateBackBefore, openTestDatabase, testDialects, type TestDatabase } from "./testing";

const at = "2027-01-01T00:00:00.000Z";

describe.each(testDialects())("migration 0016 on a database with SaaS subscriptions, on %s", (dialect) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    await migrateBackBefore(handle.db, "0016-saas-customers");
  });
  afterAll(async () => handle.close());

  it("gives the SaaS subscriptions made before it their customer identifier, and no other", async () => {
    await insertSeller(handle.db, { id: "s1", name: "s1", dataSharingEnrolled: true, createdAt: at });
    await insertFreeProduct(handle.db, { sellerId: "s1", asin: "B000000016", id: "prod-saas" });
    const row = (id: string, model: string, account: string) => ({
      id,
      seller_id: "s1",
      product_id: "prod-saas",
      buyer_account: account,
      pricing_model: model,
      pricing: null,
      quantity: 1,
      offer_id: null,
      visibility: "public" as const,
      status: "active" as const,
      starts_at: at,
      ends_at: null,
      cancelled_at: null,
    });
    await handle.db
      .insertInto("subscriptions")
      .values([row("sub-saas-0000000001", "saas_contract", "111111111111"), row("sub-free-0000000001", "free", "222222222222")])
      .execute();

    await migrateToLatest(handle.db);
    const rows = await handle.db.selectFrom("subscriptions").select(["id", "customer_identifier"]).orderBy("id").execute();
    const expected = saasCustomerIdentifier("prod-saas", "111111111111");
    expect(rows).toEqual([
      { id: "sub-free-0000000001", customer_identifier: null },
      { id: "sub-saas-0000000001", customer_identifier: expected },
    ]);
    expect(expected).toMatch(/^[A-Za-z0-9]{13}$/);
    expect(await findAccountOfSaasCustomer(handle.db, "s1", expected)).toBe("111111111111");
    expect(await findAccountOfSaasCustomer(handle.db, "s2", expected)).toBeNull();
  });
});
