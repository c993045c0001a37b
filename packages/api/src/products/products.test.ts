import { testDialects } from "@offerkit/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "../test-helpers";
import { createTestApi, sampleProduct } from "../testing";

describe.each(testDialects())("products on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    api = await createTestApi(dialect);
  });
  afterAll(async () => api.close());

  it("creates, lists, reads and edits a product", async () => {
    const { admin } = await api.newSeller();
    const created = await admin.products.create(sampleProduct({ title: "Observability" }));
    expect(created.id).toMatch(/^prod-/);
    expect(created.pricing).toEqual({ model: "saas_contract", dimensions: [{ key: "seats", name: "Seats" }] });
    expect(await admin.products.get({ productId: created.id })).toEqual(created);
    api.clock.set("2027-03-02T00:00:00.000Z");
    const updated = await admin.products.update({ productId: created.id, patch: { title: "Observability Pro", keywords: ["logs"] } });
    expect(updated.title).toBe("Observability Pro");
    expect(updated.keywords).toEqual(["logs"]);
    expect(updated.updatedAt).toBe("2027-03-02T00:00:00.000Z");
    expect(updated.pricing).toEqual(created.pricing);
  });

  it("keeps the marketplace's catalog product ID, set at creation or later, and checks its form", async () => {
    const { admin } = await api.newSeller();
    const created = await admin.products.create(sampleProduct());
    expect(created.catalogProductId).toBeUndefined();
    const updated = await admin.products.update({ productId: created.id, patch: { catalogProductId: "prod-abcdef123456" } });
    expect(updated.catalogProductId).toBe("prod-abcdef123456");
    expect((await admin.products.get({ productId: created.id })).catalogProductId).toBe("prod-abcdef123456");
    const refused = await failure(admin.products.update({ productId: created.id, patch: { catalogProductId: "4e4f3b0a-1111" } }));
    expect(refused.paths).toEqual(["patch.catalogProductId"]);
  });

  it("pages through products newest first", async () => {
    const { admin } = await api.newSeller();
    const ids = [];
    for (let i = 0; i < 5; i += 1) {
      api.clock.set(`2027-03-01T12:00:0${i}.000Z`);
      ids.push((await admin.products.create(sampleProduct())).id);
    }
    const first = await admin.products.list({ limit: 2 });
    expect(first.items.map((p) => p.id)).toEqual([ids[4], ids[3]]);
    const second = await admin.products.list({ limit: 2, cursor: first.nextCursor ?? "" });
    const third = await admin.products.list({ limit: 2, cursor: second.nextCursor ?? "" });
    expect([...second.items, ...third.items].map((p) => p.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(third.nextCursor).toBeNull();
    expect((await failure(admin.products.list({ cursor: "not-a-cursor" }))).paths).toEqual(["cursor"]);
  });

  it("enforces the listing rules with field paths", async () => {
    const { admin } = await api.newSeller();
    const tooMany = await failure(admin.products.create(sampleProduct({ keywords: ["a", "b", "c", "d"] })));
    expect(tooMany.code).toBe("VALIDATION_FAILED");
    expect(tooMany.paths).toEqual(["keywords"]);
    const longKeyword = await failure(admin.products.create(sampleProduct({ keywords: ["k".repeat(51)] })));
    expect(longKeyword.issues).toEqual([{ path: ["keywords", 0], message: "A keyword has at most 50 characters" }]);
    const badAsin = await failure(admin.products.create(sampleProduct({ asin: "b00635y2iw" })));
    expect(badAsin.paths).toEqual(["asin"]);
    const trial = await failure(
      admin.products.create(sampleProduct({ pricing: { model: "monthly", freeTrialDays: 7 } as never })),
    );
    expect(trial.code).toBe("VALIDATION_FAILED");
  });

  it("refuses a second product with the same ASIN", async () => {
    const { admin } = await api.newSeller();
    const product = sampleProduct();
    await admin.products.create(product);
    const again = await failure(admin.products.create({ ...product, marketplaceProductId: "00000000-0000-4000-8000-999999999999" }));
    expect(again.code).toBe("CONFLICT");
  });

  it("never shows one seller's products to another", async () => {
    const a = await api.newSeller("a");
    const b = await api.newSeller("b");
    const product = await a.admin.products.create(sampleProduct());
    expect((await failure(b.admin.products.get({ productId: product.id }))).code).toBe("NOT_FOUND");
    expect((await failure(b.admin.products.update({ productId: product.id, patch: { title: "Mine now" } }))).code).toBe("NOT_FOUND");
    expect((await b.admin.products.list()).items).toEqual([]);
    expect((await a.admin.products.get({ productId: product.id })).title).toBe(product.title);
  });

  it("checks credentials and scopes on every procedure", async () => {
    const seller = await api.newSeller();
    const anonymous = await api.callerFor(null);
    expect((await failure(anonymous.products.list())).code).toBe("UNAUTHORIZED");
    const forged = await api.callerFor("oks_forged");
    expect((await failure(forged.products.list())).code).toBe("UNAUTHORIZED");
    const reader = await seller.keyWith("offers:read");
    expect((await reader.products.list()).items).toEqual([]);
    const denied = await failure(reader.products.create(sampleProduct()));
    expect(denied.code).toBe("FORBIDDEN");
    expect(denied.trpcCode).toBe("FORBIDDEN");
    const buyer = await seller.buyer("123456789012");
    expect((await failure(buyer.products.list())).code).toBe("UNAUTHORIZED");
  });

  it("stops a revoked key at once", async () => {
    const seller = await api.newSeller();
    const issued = await seller.admin.admin.apiKeys.create({ name: "ci", scopes: ["products:read"] });
    const caller = await api.callerFor(issued.secret);
    await caller.products.list();
    await seller.admin.admin.apiKeys.revoke({ keyId: issued.id });
    const revoked = await api.callerFor(issued.secret);
    expect((await failure(revoked.products.list())).code).toBe("UNAUTHORIZED");
    const keys = await seller.admin.admin.apiKeys.list();
    expect(JSON.stringify(keys)).not.toContain(issued.secret);
  });
});
