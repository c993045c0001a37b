import { testDialects } from "@offerkit/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "../test-helpers";
import { completeOfferTerms, createTestApi, sampleProduct, TEST_START, uploadSamplePdf } from "../testing";

const ALICE = "111111111111";
const BOB = "222222222222";

describe.each(testDialects())("subscriptions, usage and eligibility on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    api = await createTestApi(dialect);
  });
  afterAll(async () => api.close());

  /** A seller with a metered product (public rates) and a SaaS-contract product. */
  async function seller() {
    api.clock.set(TEST_START);
    const s = await api.newSeller();
    const metered = await s.admin.products.create(
      sampleProduct({
        title: "Metered API",
        pricing: { model: "usage", category: "hosts", dimensions: [{ key: "hosts", name: "Hosts" }, { key: "gb", name: "GB" }] },
        publicPricing: { model: "usage", rates: { hosts: "0.125", gb: "0.00000001" } },
      }),
    );
    const contract = await s.admin.products.create(sampleProduct({ title: "Contract suite" }));
    return { ...s, metered, contract };
  }

  it("makes a subscription from an accepted private offer and from the public offer", async () => {
    const s = await seller();
    const eula = await uploadSamplePdf(s.admin, 1, s.sellerId);
    const offer = await s.admin.offers.send({ offerId: (await s.admin.offers.create(completeOfferTerms(s.contract.id, eula.sha256, [ALICE]))).id });
    const alice = await s.buyer(ALICE);
    const agreement = await alice.buyer.offers.accept({ offerId: offer.id });
    api.clock.set("2027-03-01T13:00:00.000Z");
    const publicOne = await alice.buyer.subscriptions.subscribe({ asin: s.metered.asin });
    const listed = await alice.buyer.subscriptions.list();
    expect(listed.map((sub) => [sub.asin, sub.visibility, sub.offerId, sub.status])).toEqual([
      [s.contract.asin, "private", offer.id, "active"],
      [s.metered.asin, "public", null, "active"],
    ]);
    expect(listed[0]).toMatchObject({ startsAt: agreement.startsAt, endsAt: agreement.endsAt, pricingModel: "saas_contract", pricing: offer.pricing });
    expect(publicOne).toMatchObject({ pricing: { model: "usage", rates: { hosts: "0.125", gb: "0.00000001" } }, quantity: 1, endsAt: null });
  });

  it("answers a second subscribe with the active subscription (no second sale to credit); hourly + annual buys more, once per idempotency key", async () => {
    const s = await seller();
    const alice = await s.buyer(ALICE);
    const first = await alice.buyer.subscriptions.subscribe({ asin: s.metered.asin });
    expect(await alice.buyer.subscriptions.subscribe({ asin: s.metered.asin })).toEqual(first);
    expect((await alice.buyer.subscriptions.list()).filter((sub) => sub.asin === s.metered.asin)).toHaveLength(1);
    const bob = await s.buyer(BOB);
    const together = await Promise.all(Array.from({ length: 4 }, () => bob.buyer.subscriptions.subscribe({ asin: s.metered.asin })));
    expect(new Set(together.map((sub) => sub.id)).size).toBe(1);
    expect((await bob.buyer.subscriptions.list()).filter((sub) => sub.asin === s.metered.asin)).toHaveLength(1);
    const cancelled = await alice.buyer.subscriptions.cancel({ subscriptionId: first.id });
    expect((await alice.buyer.subscriptions.subscribe({ asin: s.metered.asin })).id).not.toBe(cancelled.id);

    const annual = await s.admin.products.create(
      sampleProduct({
        title: "Appliance, hourly + annual",
        pricing: { model: "hourly_annual", dimensions: [{ key: "m5.large", name: "m5.large" }] },
        publicPricing: { model: "hourly_annual", hourly: { "m5.large": "0.096" }, annual: { "m5.large": "600" } },
      }),
    );
    const bought = await alice.buyer.subscriptions.subscribe({ asin: annual.asin, quantity: 2, idempotencyKey: "annual-0001" });
    expect(await alice.buyer.subscriptions.subscribe({ asin: annual.asin, quantity: 2, idempotencyKey: "annual-0001" })).toEqual(bought);
    expect((await alice.buyer.subscriptions.subscribe({ asin: annual.asin, quantity: 1, idempotencyKey: "annual-0002" })).id).not.toBe(bought.id);
    expect((await failure(alice.buyer.subscriptions.subscribe({ asin: annual.asin, quantity: 5, idempotencyKey: "annual-0001" }))).code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("refuses what cannot be subscribed to, and lets a buyer cancel only its own", async () => {
    const s = await seller();
    const alice = await s.buyer(ALICE);
    const bob = await s.buyer(BOB);
    expect((await failure(alice.buyer.subscriptions.subscribe({ asin: s.contract.asin }))).code).toBe("CONFLICT");
    expect((await failure(alice.buyer.subscriptions.subscribe({ asin: s.metered.asin, quantity: 3 }))).paths).toEqual(["quantity"]);
    expect((await failure(alice.buyer.subscriptions.subscribe({ asin: "B000000000" }))).code).toBe("NOT_FOUND");
    const sub = await alice.buyer.subscriptions.subscribe({ asin: s.metered.asin });
    expect((await failure(bob.buyer.subscriptions.cancel({ subscriptionId: sub.id }))).code).toBe("NOT_FOUND");
    api.clock.set("2027-03-02T00:00:00.000Z");
    const cancelled = await alice.buyer.subscriptions.cancel({ subscriptionId: sub.id });
    expect(cancelled).toMatchObject({ status: "cancelled", endsAt: "2027-03-02T00:00:00.000Z" });
    expect((await failure(alice.buyer.subscriptions.cancel({ subscriptionId: sub.id }))).code).toBe("CONFLICT");
  });

  it("counts each customer, dimension and hour once, within the 6-hour window", async () => {
    const s = await seller();
    const alice = await s.buyer(ALICE);
    await alice.buyer.subscriptions.subscribe({ asin: s.metered.asin });
    api.clock.set("2027-03-01T18:30:00.000Z");
    const metering = await s.keyWith("usage:write");
    const record = { account: ALICE, asin: s.metered.asin, dimension: "hosts", hour: "2027-03-01T17:00:00Z", quantity: 40 };
    expect(await metering.usage.report({ records: [record, { ...record, dimension: "gb", quantity: 3 }] })).toEqual([
      { index: 0, outcome: "accepted" },
      { index: 1, outcome: "accepted" },
    ]);
    expect(await metering.usage.report({ records: [{ ...record, quantity: 999 }] })).toEqual([{ index: 0, outcome: "duplicate" }]);

    const refusals: [Record<string, unknown>, string][] = [
      [{ hour: "2027-03-01T11:00:00Z" }, "records.0.hour"],
      [{ hour: "2027-03-01T19:00:00Z" }, "records.0.hour"],
      [{ hour: "2027-03-01T17:30:00Z" }, "records.0.hour"],
      [{ dimension: "cpus" }, "records.0.dimension"],
      [{ account: BOB }, "records.0.account"],
      [{ asin: s.contract.asin, dimension: "seats" }, "records.0.account"],
      [{ quantity: 1.5 }, "records.0.quantity"],
      [{ quantity: -1 }, "records.0.quantity"],
    ];
    for (const [override, path] of refusals) {
      const refused = await failure(metering.usage.report({ records: [{ ...record, hour: "2027-03-01T18:00:00Z", ...override }] as never }));
      expect(refused.code, JSON.stringify(override)).toBe("VALIDATION_FAILED");
      expect(refused.paths, JSON.stringify(override)).toContain(path);
    }
    const mixed = await failure(metering.usage.report({ records: [{ ...record, hour: "2027-03-01T18:00:00Z" }, { ...record, dimension: "nope" }] }));
    expect(mixed.paths).toEqual(["records.1.dimension"]);
    const support = await s.keyWith("support:read");
    const seen = await support.support.lookup({ account: ALICE });
    expect(seen.subscriptions[0]?.usage).toEqual([
      { dimension: "gb", quantity: 3, coveredByAnnual: 0, estimatedCharge: "0.00000003" },
      { dimension: "hosts", quantity: 40, coveredByAnnual: 0, estimatedCharge: "5.00" },
    ]);
    expect(seen.subscriptions[0]?.estimatedCharge).toBe("5.00000003");
    expect((await failure(support.usage.report({ records: [record] }))).code).toBe("FORBIDDEN");
  });

  it("shows support only the seller's own products, and audits every lookup", async () => {
    const a = await seller();
    const b = await seller();
    await (await a.buyer(ALICE)).buyer.subscriptions.subscribe({ asin: a.metered.asin });
    await (await b.buyer(ALICE)).buyer.subscriptions.subscribe({ asin: b.metered.asin });
    const agent = await a.keyWith("support:read");
    api.clock.set("2027-03-05T09:00:00.000Z");
    const view = await agent.support.lookup({ account: ALICE });
    expect(view.subscriptions.map((sub) => sub.asin)).toEqual([a.metered.asin]);
    expect(view.subscriptions[0]).toMatchObject({ visibility: "public", status: "active", usage: [], estimatedCharge: null });
    api.clock.set("2027-03-05T09:01:00.000Z");
    expect((await agent.support.lookup({ account: BOB })).subscriptions).toEqual([]);
    const audit = await a.admin.support.auditLog();
    expect(audit.map((entry) => [entry.account, entry.customerIdentifier, entry.subscriptionsFound, entry.at])).toEqual([
      [BOB, null, 0, "2027-03-05T09:01:00.000Z"],
      [ALICE, null, 1, "2027-03-05T09:00:00.000Z"],
    ]);
    const whoami = await agent.admin.whoami();
    expect(audit.every((entry) => entry.keyId === whoami.keyId)).toBe(true);
    expect(await b.admin.support.auditLog()).toEqual([]);
    expect((await failure(agent.support.auditLog())).code).toBe("FORBIDDEN");
    expect((await failure((await a.keyWith("offers:read")).support.lookup({ account: ALICE }))).code).toBe("FORBIDDEN");
    expect((await failure(agent.support.lookup({ account: "12345" }))).paths).toEqual(["account"]);
  });

  it("charges hourly + annual usage as the marketplace bills it: annual subscriptions cover their type's instance hours", async () => {
    const s = await seller();
    const appliance = await s.admin.products.create(
      sampleProduct({
        title: "Appliance, hourly + annual",
        pricing: { model: "hourly_annual", dimensions: [{ key: "m5.large", name: "m5.large" }, { key: "c5.xlarge", name: "c5.xlarge" }] },
        publicPricing: { model: "hourly_annual", hourly: { "m5.large": "0.096", "c5.xlarge": "0.17" }, annual: { "m5.large": "600" } },
      }),
    );
    const alice = await s.buyer(ALICE);
    await alice.buyer.subscriptions.subscribe({ asin: appliance.asin, quantity: 2, idempotencyKey: "annual-two" });
    api.clock.set("2027-03-01T13:00:00.000Z");
    await alice.buyer.subscriptions.subscribe({ asin: appliance.asin, quantity: 1, idempotencyKey: "annual-one" });
    api.clock.set("2027-03-01T18:10:00.000Z");
    const metering = await s.keyWith("usage:write");
    const used = (dimension: string, hour: string, quantity: number) => ({ account: ALICE, asin: appliance.asin, dimension, hour, quantity });
    await metering.usage.report({
      records: [
        // Before the second purchase 2 are covered, after it 3.
        used("m5.large", "2027-03-01T12:00:00Z", 5),
        used("m5.large", "2027-03-01T14:00:00Z", 5),
        used("m5.large", "2027-03-01T15:00:00Z", 1),
        used("c5.xlarge", "2027-03-01T15:00:00Z", 4),
      ],
    });
    const seen = await (await s.keyWith("support:read")).support.lookup({ account: ALICE });
    const first = seen.subscriptions.find((sub) => sub.quantity === 2);
    // m5.large: 11 instance hours, 2 + 3 + 1 covered, 3 + 2 charged at 0.096; c5.xlarge has no annual price: 4 at 0.17.
    expect(first?.usage).toEqual([
      { dimension: "c5.xlarge", quantity: 4, coveredByAnnual: 0, estimatedCharge: "0.68" },
      { dimension: "m5.large", quantity: 11, coveredByAnnual: 6, estimatedCharge: "0.48" },
    ]);
    expect(first?.estimatedCharge).toBe("1.16");

    // A year after a purchase, its annual subscriptions cover nothing any more.
    api.clock.set("2028-03-01T12:30:00.000Z");
    await metering.usage.report({ records: [used("m5.large", "2028-03-01T12:00:00Z", 3)] });
    const later = await (await s.keyWith("support:read")).support.lookup({ account: ALICE });
    expect(later.subscriptions.find((sub) => sub.quantity === 2)?.usage).toEqual([{ dimension: "m5.large", quantity: 3, coveredByAnnual: 1, estimatedCharge: "0.192" }]);
  });

  it("buys annual subscriptions for one instance type, which cover that type only", async () => {
    const s = await seller();
    const appliance = await s.admin.products.create(
      sampleProduct({
        title: "Appliance, two annual types",
        pricing: { model: "hourly_annual", dimensions: [{ key: "m5.large", name: "m5.large" }, { key: "c5.xlarge", name: "c5.xlarge" }] },
        publicPricing: { model: "hourly_annual", hourly: { "m5.large": "0.096", "c5.xlarge": "0.17" }, annual: { "m5.large": "600", "c5.xlarge": "1000" } },
      }),
    );
    const alice = await s.buyer(ALICE);
    const refusals = [
      await failure(alice.buyer.subscriptions.subscribe({ asin: appliance.asin, quantity: 2 })),
      await failure(alice.buyer.subscriptions.subscribe({ asin: appliance.asin, quantity: 2, annualInstanceType: "t3.micro" })),
      await failure(alice.buyer.subscriptions.subscribe({ asin: s.metered.asin, annualInstanceType: "m5.large" })),
    ];
    expect(refusals.map((refused) => [refused.code, refused.paths])).toEqual(Array.from({ length: 3 }, () => ["VALIDATION_FAILED", ["annualInstanceType"]]));
    const bought = await alice.buyer.subscriptions.subscribe({ asin: appliance.asin, quantity: 2, annualInstanceType: "c5.xlarge", idempotencyKey: "annual-c5" });
    expect(bought.pricing).toEqual({ model: "hourly_annual", hourly: { "m5.large": "0.096", "c5.xlarge": "0.17" }, annual: { "c5.xlarge": "1000" } });
    api.clock.set("2027-03-01T13:10:00.000Z");
    const metering = await s.keyWith("usage:write");
    await metering.usage.report({
      records: ["m5.large", "c5.xlarge"].map((dimension) => ({ account: ALICE, asin: appliance.asin, dimension, hour: "2027-03-01T12:00:00Z", quantity: 3 })),
    });
    const seen = await (await s.keyWith("support:read")).support.lookup({ account: ALICE });
    expect(seen.subscriptions.find((sub) => sub.id === bought.id)?.usage).toEqual([
      { dimension: "c5.xlarge", quantity: 3, coveredByAnnual: 2, estimatedCharge: "0.17" },
      { dimension: "m5.large", quantity: 3, coveredByAnnual: 0, estimatedCharge: "0.288" },
    ]);
  });

  it("finds a SaaS customer by its customer identifier, audits it, and no other seller's", async () => {
    const s = await seller();
    const saas = await s.admin.products.create(
      sampleProduct({
        title: "SaaS metered",
        pricing: { model: "saas_subscription", category: "users", dimensions: [{ key: "users", name: "Users" }] },
        publicPricing: { model: "saas_subscription", rates: { users: "1.5" } },
      }),
    );
    const alice = await s.buyer(ALICE);
    const subscribed = await alice.buyer.subscriptions.subscribe({ asin: saas.asin });
    const metered = await alice.buyer.subscriptions.subscribe({ asin: s.metered.asin });
    expect(subscribed.customerIdentifier).toMatch(/^[A-Za-z0-9]{13}$/);
    expect(metered.customerIdentifier).toBeNull();
    const identifier = subscribed.customerIdentifier ?? "";
    expect((await alice.buyer.subscriptions.list()).find((sub) => sub.id === subscribed.id)?.customerIdentifier).toBe(identifier);

    const agent = await s.keyWith("support:read");
    api.clock.set("2027-03-01T12:01:00.000Z");
    const byIdentifier = await agent.support.lookup({ customerIdentifier: identifier });
    api.clock.set("2027-03-01T12:02:00.000Z");
    const byAccount = await agent.support.lookup({ account: ALICE });
    expect(byIdentifier).toMatchObject({ account: ALICE, customerIdentifier: identifier, subscriptions: byAccount.subscriptions });
    const other = await seller();
    const refused = await failure((await other.keyWith("support:read")).support.lookup({ customerIdentifier: identifier }));
    expect([refused.code, refused.paths]).toEqual(["NOT_FOUND", ["customerIdentifier"]]);
    expect((await failure(agent.support.lookup({ customerIdentifier: "not-an-id" }))).code).toBe("VALIDATION_FAILED");
    const audit = await s.admin.support.auditLog();
    expect(audit.slice(0, 2).map((entry) => [entry.account, entry.customerIdentifier])).toEqual([
      [ALICE, null],
      [ALICE, identifier],
    ]);
    expect((await other.admin.support.auditLog()).map((entry) => [entry.account, entry.customerIdentifier, entry.subscriptionsFound])).toEqual([["", identifier, 0]]);
  });
});
