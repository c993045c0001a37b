import { testDialects } from "@offerkit/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "../test-helpers";
import { completeOfferTerms, createTestApi, sampleProduct, uploadSamplePdf } from "../testing";

describe.each(testDialects())("hostile offer input on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let admin: Awaited<ReturnType<typeof api.newSeller>>["admin"];
  let terms: ReturnType<typeof completeOfferTerms>;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    ({ admin } = await api.newSeller());
    const product = await admin.products.create(sampleProduct());
    const eula = await uploadSamplePdf(admin);
    terms = completeOfferTerms(product.id, eula.sha256);
  });
  afterAll(async () => api.close());

  const cases: [string, Record<string, unknown>, string][] = [
    ["an 11-digit account", { buyerAccounts: ["12345678901"] }, "buyerAccounts.0"],
    ["a 13-digit account", { buyerAccounts: ["1234567890123"] }, "buyerAccounts.0"],
    ["an account as a number", { buyerAccounts: [123456789012] }, "buyerAccounts.0"],
    ["accounts as a string", { buyerAccounts: "123456789012" }, "buyerAccounts"],
    ["26 accounts", { buyerAccounts: Array.from({ length: 26 }, (_, i) => String(200000000000 + i)) }, "buyerAccounts"],
    ["float money", { pricing: { model: "saas_contract", contract: { seats: 1200.5 } } }, "pricing.contract.seats"],
    ["negative money", { pricing: { model: "saas_contract", contract: { seats: "-1" } } }, "pricing.contract.seats"],
    ["4 decimals on an upfront price", { pricing: { model: "saas_contract", contract: { seats: "1.0001" } } }, "pricing.contract.seats"],
    ["exponent money", { pricing: { model: "saas_contract", contract: { seats: "1e9" } } }, "pricing.contract.seats"],
    ["an unknown pricing model", { pricing: { model: "lifetime", price: "1" } }, "pricing.model"],
    ["a 1 MB name", { name: "n".repeat(1_000_000) }, "name"],
    ["a 151-character name", { name: "n".repeat(151) }, "name"],
    ["a 256-character description", { description: "d".repeat(256) }, "description"],
    ["a 501-character refund policy", { refundPolicy: "r".repeat(501) }, "refundPolicy"],
    ["an unknown field", { status: "sent" }, ""],
    ["a nested unknown field", { agreement: { kind: "duration", duration: "P12M", autoRenew: true } }, "agreement"],
    ["a duration over 60 months", { agreement: { kind: "duration", duration: "P61M" } }, "agreement.duration"],
    ["a date that does not exist", { acceptanceDeadline: "2027-02-30" }, "acceptanceDeadline"],
    ["a deadline with a time", { acceptanceDeadline: "2027-03-31T00:00:00Z" }, "acceptanceDeadline"],
    ["a bad EULA hash", { eulaSha256: "../../etc/passwd" }, "eulaSha256"],
    ["a name of the wrong type", { name: { $ne: null } }, "name"],
  ];

  it.each(cases)("refuses %s with the field's path and creates nothing", async (_label, override, path) => {
    const before = (await admin.offers.list({ limit: 100 })).items.length;
    const refused = await failure(admin.offers.create({ ...terms, ...override } as never));
    expect(refused.code).toBe("VALIDATION_FAILED");
    expect(refused.trpcCode).toBe("BAD_REQUEST");
    expect(refused.paths).toContain(path);
    expect(refused.message.length).toBeLessThan(500);
    expect((await admin.offers.list({ limit: 100 })).items.length).toBe(before);
  });

  it("refuses a hostile patch and leaves the draft as it was", async () => {
    const draft = await admin.offers.create(terms);
    const refused = await failure(
      admin.offers.update({ offerId: draft.id, patch: { buyerAccounts: ["12345678901"], name: "x".repeat(200) } }),
    );
    expect(refused.paths).toEqual(["name", "buyerAccounts.0"]);
    expect(refused.message).toMatch(/^name: /);
    expect(await admin.offers.get({ offerId: draft.id })).toEqual(draft);
  });

  it.each(cases)("names %s's field in an update as create does", async (_label, override, path) => {
    const draft = await admin.offers.create(terms);
    const created = await failure(admin.offers.create({ ...terms, ...override } as never));
    const updated = await failure(admin.offers.update({ offerId: draft.id, patch: override } as never));
    expect(updated.code).toBe("VALIDATION_FAILED");
    expect(updated.paths).toContain(path);
    expect(updated.issues).toEqual(created.issues);
    expect(updated.message).toBe(created.message);
    expect(await admin.offers.get({ offerId: draft.id })).toEqual(draft);
  });

  it("names the fields send checks as create and update do", async () => {
    const draft = await admin.offers.create({ productId: terms.productId, pricing: { model: "saas_contract", contract: { storage: "1" } } });
    const sent = await failure(admin.offers.send({ offerId: draft.id }));
    const updated = await failure(admin.offers.update({ offerId: draft.id, patch: { name: "", buyerAccounts: ["1"] } }));
    expect(sent.paths).toEqual(expect.arrayContaining(["name", "buyerAccounts", "pricing.contract.storage"]));
    expect(updated.paths).toEqual(["name", "buyerAccounts.0"]);
  });

  it("refuses a __proto__ dimension key instead of dropping it", async () => {
    const refused = await failure(
      admin.offers.create({ ...terms, pricing: JSON.parse('{"model":"saas_contract","contract":{"__proto__":"1","seats":"2"}}') }),
    );
    expect(refused.code).toBe("VALIDATION_FAILED");
    expect(refused.issues).toContainEqual({ path: ["pricing", "contract"], message: "This dimension key is reserved" });
    expect(({} as Record<string, unknown>).seats).toBeUndefined();
  });

  it("refuses an offer ID that is not ours", async () => {
    for (const offerId of ["offer-../../x", "1 OR 1=1", "offer-" + "a".repeat(100)]) {
      expect(new Set((await failure(admin.offers.get({ offerId }))).paths)).toEqual(new Set(["offerId"]));
    }
  });
});
