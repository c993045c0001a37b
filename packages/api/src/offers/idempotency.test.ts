import { testDialects } from "@offerkit/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "../test-helpers";
import { completeOfferTerms, createTestApi, sampleProduct, uploadSamplePdf } from "../testing";

describe.each(testDialects())("idempotency keys on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    api = await createTestApi(dialect);
  });
  afterAll(async () => api.close());

  async function seller() {
    const s = await api.newSeller();
    const product = await s.admin.products.create(sampleProduct());
    const eula = await uploadSamplePdf(s.admin, 1, s.sellerId);
    return { ...s, terms: completeOfferTerms(product.id, eula.sha256) };
  }

  it("returns the first created offer for a retried create, and makes one", async () => {
    const { admin, terms } = await seller();
    const first = await admin.offers.create({ ...terms, idempotencyKey: "create-0001" });
    const retry = await admin.offers.create({ ...terms, idempotencyKey: "create-0001" });
    expect(retry).toEqual(first);
    expect((await admin.offers.list()).items).toHaveLength(1);
  });

  it("makes one offer when the same key arrives several times at once", async () => {
    const { admin, terms } = await seller();
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => admin.offers.create({ ...terms, idempotencyKey: "burst-0001" })));
    expect(new Set(results.map((offer) => offer.id)).size).toBe(1);
    expect((await admin.offers.list()).items).toHaveLength(1);
  });

  it("refuses a key reused with a different request", async () => {
    const { admin, terms } = await seller();
    await admin.offers.create({ ...terms, idempotencyKey: "reuse-0001" });
    const refused = await failure(admin.offers.create({ ...terms, name: "Other", idempotencyKey: "reuse-0001" }));
    expect(refused.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect((await admin.offers.list()).items).toHaveLength(1);
  });

  it("answers a retried send with the first result instead of OFFER_IMMUTABLE", async () => {
    const { admin, terms } = await seller();
    const draft = await admin.offers.create(terms);
    const first = await admin.offers.send({ offerId: draft.id, idempotencyKey: "send-0001" });
    const retry = await admin.offers.send({ offerId: draft.id, idempotencyKey: "send-0001" });
    expect(retry).toEqual(first);
    expect((await failure(admin.offers.send({ offerId: draft.id, idempotencyKey: "send-0002" }))).code).toBe("OFFER_IMMUTABLE");
  });

  it("answers a retried accept with the same agreement", async () => {
    const s = await seller();
    const offer = await s.admin.offers.send({ offerId: (await s.admin.offers.create(s.terms)).id });
    const buyer = await s.buyer("012345678901");
    const first = await buyer.buyer.offers.accept({ offerId: offer.id, idempotencyKey: "accept-0001" });
    api.clock.set("2030-01-01T00:00:00.000Z");
    expect(await buyer.buyer.offers.accept({ offerId: offer.id, idempotencyKey: "accept-0001" })).toEqual(first);
  });

  it("keeps keys apart per seller", async () => {
    const a = await seller();
    const b = await seller();
    const offerA = await a.admin.offers.create({ ...a.terms, idempotencyKey: "shared-key-1" });
    const offerB = await b.admin.offers.create({ ...b.terms, idempotencyKey: "shared-key-1" });
    expect(offerB.id).not.toBe(offerA.id);
  });

  it("validates the key itself", async () => {
    const { admin, terms } = await seller();
    for (const key of ["short", "x".repeat(129), "has space 123"]) {
      expect((await failure(admin.offers.create({ ...terms, idempotencyKey: key }))).paths).toEqual(["idempotencyKey"]);
    }
  });
});
