import { testDialects } from "@offerkit/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "../test-helpers";
import { completeOfferTerms, createTestApi, sampleProduct, TEST_START, uploadSamplePdf } from "../testing";

describe.each(testDialects())("the offer lifecycle on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    api = await createTestApi(dialect);
  });
  afterAll(async () => api.close());

  async function sellerWithProduct() {
    api.clock.set(TEST_START);
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct());
    const eula = await uploadSamplePdf(seller.admin, 2, `EULA of ${seller.sellerId}`);
    return { ...seller, product, eula, terms: completeOfferTerms(product.id, eula.sha256) };
  }

  it("drafts an incomplete offer, edits it, then sends it with a buyer URL", async () => {
    const { admin, product, eula, terms } = await sellerWithProduct();
    const draft = await admin.offers.create({ productId: product.id, name: "First try" });
    expect(draft).toMatchObject({ status: "draft", name: "First try", buyerAccounts: [], pricing: null, buyerUrl: null });
    expect(draft.id).toMatch(/^offer-[A-Za-z0-9_-]{21}$/);

    expect(draft.version).toBe(1);

    const { productId: _productId, ...rest } = terms;
    const edited = await admin.offers.update({ offerId: draft.id, patch: rest });
    expect(edited.eula).toMatchObject({ sha256: eula.sha256, pageCount: 2, fileName: "eula.pdf" });
    expect(edited.version).toBe(2);
    const cleared = await admin.offers.update({ offerId: draft.id, expectedVersion: 2, patch: { refundPolicy: null } });
    expect(cleared).toMatchObject({ refundPolicy: null, version: 3 });
    expect(await admin.offers.get({ offerId: draft.id })).toEqual(cleared);
    await admin.offers.update({ offerId: draft.id, expectedVersion: 3, patch: { refundPolicy: terms.refundPolicy } });

    api.clock.set("2027-03-02T09:00:00.000Z");
    const sent = await admin.offers.send({ offerId: draft.id });
    expect(sent.status).toBe("sent");
    expect(sent.buyerUrl).toBe(`https://offers.example.test/offers/${draft.id}`);
    expect(sent.sentAt).toBe("2027-03-02T09:00:00.000Z");
    expect(sent.termsSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(sent.pricing).toEqual({ model: "saas_contract", contract: { seats: "1200.125" } });
    expect(sent.version).toBe(4);
  });

  it("names every rule a draft breaks when it is sent, and stays a draft", async () => {
    const { admin, product } = await sellerWithProduct();
    const draft = await admin.offers.create({
      productId: product.id,
      pricing: { model: "saas_contract", contract: { seats: "10", storage: "1" } },
      acceptanceDeadline: "2027-02-28",
    });
    const refused = await failure(admin.offers.send({ offerId: draft.id }));
    expect(refused.code).toBe("OFFER_NOT_SENDABLE");
    expect(refused.trpcCode).toBe("UNPROCESSABLE_CONTENT");
    expect(refused.paths).toEqual([
      "name",
      "description",
      "eulaSha256",
      "agreement",
      "buyerAccounts",
      "pricing.contract.storage",
      "refundPolicy",
      "acceptanceDeadline",
    ]);
    expect(refused.message).toContain("acceptanceDeadline: The acceptance deadline 2027-02-28 has passed");
    expect((await admin.offers.get({ offerId: draft.id })).status).toBe("draft");
  });

  it("makes no private offer for a free, BYOL or monthly product, and wants a refund policy on a paid one", async () => {
    const { admin, eula } = await sellerWithProduct();
    for (const model of ["free", "byol", "monthly"] as const) {
      const product = await admin.products.create(sampleProduct({ pricing: { model } }));
      const refused = await failure(admin.offers.create({ productId: product.id }));
      expect(refused.code).toBe("VALIDATION_FAILED");
      expect(refused.paths).toEqual(["productId"]);
    }
    const paidProduct = await admin.products.create(sampleProduct());
    const paidOffer = await admin.offers.create({ ...completeOfferTerms(paidProduct.id, eula.sha256), refundPolicy: undefined });
    expect(paidOffer.problems.map((issue) => issue.path.join("."))).toEqual(["refundPolicy"]);
    expect((await failure(admin.offers.send({ offerId: paidOffer.id }))).paths).toEqual(["refundPolicy"]);
  });

  it("refuses every write to a sent offer with OFFER_IMMUTABLE and reads it back unchanged", async () => {
    const { admin, terms, eula } = await sellerWithProduct();
    const offer = await admin.offers.create(terms);
    const sent = await admin.offers.send({ offerId: offer.id });
    const immutable = [
      () => admin.offers.update({ offerId: offer.id, patch: { name: "Better deal" } }),
      () => admin.offers.update({ offerId: offer.id, patch: { pricing: { model: "saas_contract", contract: { seats: "1" } } } }),
      () => admin.offers.delete({ offerId: offer.id }),
      () => admin.offers.send({ offerId: offer.id }),
    ];
    for (const attempt of immutable) {
      const refused = await failure(attempt());
      expect(refused.code).toBe("OFFER_IMMUTABLE");
      expect(refused.trpcCode).toBe("CONFLICT");
    }
    api.clock.set("2028-01-01T00:00:00.000Z");
    const later = await admin.offers.get({ offerId: offer.id });
    expect({ ...later, status: sent.status }).toEqual(sent);
    expect(later.status).toBe("expired");
    const stored = await api.deps.blobs.get(eula.sha256);
    const { createHash } = await import("node:crypto");
    expect(createHash("sha256").update(stored ?? new Uint8Array()).digest("hex")).toBe(eula.sha256);
  });

  it("copies a sent offer as a new draft linked to it, leaving the original as it was", async () => {
    const { admin, terms } = await sellerWithProduct();
    const original = await admin.offers.send({ offerId: (await admin.offers.create(terms)).id });
    const copy = await admin.offers.copyAsDraft({ offerId: original.id });
    expect(copy).toMatchObject({ status: "draft", replacesOfferId: original.id, name: original.name, pricing: original.pricing });
    expect(copy.id).not.toBe(original.id);
    expect(copy.version).toBe(1);
    const changed = await admin.offers.update({ offerId: copy.id, patch: { pricing: { model: "saas_contract", contract: { seats: "999" } } } });
    expect(changed.pricing).toEqual({ model: "saas_contract", contract: { seats: "999" } });
    expect(await admin.offers.get({ offerId: original.id })).toEqual(original);
  });

  it("deletes a draft", async () => {
    const { admin, product } = await sellerWithProduct();
    const draft = await admin.offers.create({ productId: product.id });
    expect(await admin.offers.delete({ offerId: draft.id })).toEqual({ deleted: true });
    expect((await failure(admin.offers.get({ offerId: draft.id }))).code).toBe("NOT_FOUND");
  });

  it("lists by status, product and buyer account, with cursor pages", async () => {
    const { admin, product, terms, eula } = await sellerWithProduct();
    const other = await admin.products.create(sampleProduct());
    const a = await admin.offers.create(terms);
    api.clock.set("2027-03-01T12:00:01.000Z");
    const b = await admin.offers.send({ offerId: (await admin.offers.create({ ...terms, buyerAccounts: ["999999999999"] })).id });
    api.clock.set("2027-03-01T12:00:02.000Z");
    const c = await admin.offers.create({ ...completeOfferTerms(other.id, eula.sha256), acceptanceDeadline: "2027-03-05" });
    await admin.offers.send({ offerId: c.id });

    expect((await admin.offers.list({ status: "draft" })).items.map((o) => o.id)).toEqual([a.id]);
    expect((await admin.offers.list({ productId: other.id })).items.map((o) => o.id)).toEqual([c.id]);
    expect((await admin.offers.list({ buyerAccount: "999999999999" })).items.map((o) => o.id)).toEqual([b.id]);
    expect((await admin.offers.list({ productId: product.id, limit: 1 })).nextCursor).not.toBeNull();

    api.clock.set("2027-03-06T00:00:00.000Z");
    expect((await admin.offers.list({ status: "expired" })).items.map((o) => o.id)).toEqual([c.id]);
    expect((await admin.offers.list({ status: "sent" })).items.map((o) => o.id)).toEqual([b.id]);

    const first = await admin.offers.list({ limit: 2 });
    const second = await admin.offers.list({ limit: 2, cursor: first.nextCursor ?? "" });
    expect([...first.items, ...second.items].map((o) => o.id)).toEqual([c.id, b.id, a.id]);
  });

  it("gates private offers on the data-sharing program", async () => {
    const seller = await api.newSeller("new", { enrolled: false });
    const product = await seller.admin.products.create(sampleProduct());
    const refused = await failure(seller.admin.offers.create({ productId: product.id }));
    expect(refused.code).toBe("DATA_SHARING_REQUIRED");
    await seller.admin.admin.settings.setDataSharing({ enrolled: true });
    expect((await seller.admin.offers.create({ productId: product.id })).status).toBe("draft");
  });

  it("keeps every seller's offers and EULAs to itself", async () => {
    const a = await sellerWithProduct();
    const b = await sellerWithProduct();
    const offer = await a.admin.offers.create(a.terms);
    for (const attempt of [
      () => b.admin.offers.get({ offerId: offer.id }),
      () => b.admin.offers.update({ offerId: offer.id, patch: { name: "hijack" } }),
      () => b.admin.offers.delete({ offerId: offer.id }),
      () => b.admin.offers.send({ offerId: offer.id }),
      () => b.admin.offers.copyAsDraft({ offerId: offer.id }),
      () => b.admin.eula.get({ sha256: a.eula.sha256 }),
    ]) {
      expect((await failure(attempt())).code).toBe("NOT_FOUND");
    }
    expect((await b.admin.offers.list()).items).toEqual([]);
    const foreignProduct = await failure(b.admin.offers.create({ productId: a.product.id }));
    expect(foreignProduct.code).toBe("NOT_FOUND");
    const foreignEula = await failure(b.admin.offers.create({ productId: b.product.id, eulaSha256: "0".repeat(64) }));
    expect(foreignEula.paths).toEqual(["eulaSha256"]);
    expect((await a.admin.offers.get({ offerId: offer.id })).name).toBe(a.terms.name);
  });

  it("lets an offers:read key look but not touch", async () => {
    const seller = await sellerWithProduct();
    const offer = await seller.admin.offers.create(seller.terms);
    const reader = await seller.keyWith("offers:read");
    expect((await reader.offers.get({ offerId: offer.id })).id).toBe(offer.id);
    expect((await failure(reader.offers.send({ offerId: offer.id }))).code).toBe("FORBIDDEN");
    expect((await failure(reader.offers.create(seller.terms))).code).toBe("FORBIDDEN");
    expect((await failure(reader.eula.get({ sha256: "z" }))).code).toBe("VALIDATION_FAILED");
  });
});
