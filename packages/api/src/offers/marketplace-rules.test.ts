import { testDialects } from "@offerkit/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "../test-helpers";
import { completeOfferTerms, createTestApi, sampleProduct, TEST_START, uploadSamplePdf } from "../testing";

describe.each(testDialects())("the marketplace's rules on offers, on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    api = await createTestApi(dialect);
  });
  afterAll(async () => api.close());

  async function seller() {
    api.clock.set(TEST_START);
    const tenant = await api.newSeller();
    const product = await tenant.admin.products.create(sampleProduct());
    const eula = await uploadSamplePdf(tenant.admin);
    return { ...tenant, product, eula, terms: completeOfferTerms(product.id, eula.sha256) };
  }

  it("refuses a value the marketplace would refuse as it is written, naming each field, and writes nothing", async () => {
    const { admin, terms } = await seller();
    const refused = await failure(
      admin.offers.create({
        ...terms,
        pricing: { model: "saas_contract", contract: { seats: "100000000.5" } },
        agreement: { kind: "duration", duration: "P1095D" },
        refundPolicy: "Refunds for \u201Cunused\u201D months",
      }),
    );
    expect(refused.code).toBe("VALIDATION_FAILED");
    expect(refused.paths).toEqual(["pricing.contract.seats", "refundPolicy", "agreement"]);
    expect((await admin.offers.list({})).items).toEqual([]);

    const draft = await admin.offers.create(terms);
    const update = await failure(admin.offers.update({ offerId: draft.id, patch: { refundPolicy: "환불은 30일 이내" } }));
    expect(update.paths).toEqual(["refundPolicy"]);
    expect(await admin.offers.get({ offerId: draft.id })).toEqual(draft);
  });

  it("gives an hourly offer whole days up to 1,095 and refuses months", async () => {
    const { admin, eula } = await seller();
    const hourly = await admin.products.create(
      sampleProduct({ pricing: { model: "hourly", dimensions: [{ key: "m5.large", name: "m5.large" }] } }),
    );
    const base = { ...completeOfferTerms(hourly.id, eula.sha256), pricing: { model: "hourly" as const, hourly: { "m5.large": "0.25" } } };
    const offer = await admin.offers.create({ ...base, agreement: { kind: "duration", duration: "P1095D" } });
    expect(offer.problems).toEqual([]);
    const months = await failure(admin.offers.update({ offerId: offer.id, patch: { agreement: { kind: "duration", duration: "P12M" } } }));
    expect(months.issues).toEqual([{ path: ["agreement"], message: "An hourly or metered offer runs whole days, P1D to P1095D (three years)" }]);
  });

  it("keeps a draft written under older rules a draft that says why, still editable", async () => {
    const { admin, terms } = await seller();
    const draft = await admin.offers.create(terms);
    // As an earlier version stored it: a price above the marketplace's cap and five years in days.
    await api.deps.db
      .updateTable("offers")
      .set({
        pricing: JSON.stringify({ model: "saas_contract", contract: { seats: "250000000" } }),
        agreement: JSON.stringify({ kind: "duration", duration: "P1827D" }),
      })
      .where("id", "=", draft.id)
      .execute();
    const old = await admin.offers.get({ offerId: draft.id });
    expect(old.problems.map((issue) => issue.path.join("."))).toEqual(["pricing.contract.seats", "agreement"]);
    const refused = await failure(admin.offers.send({ offerId: draft.id }));
    expect(refused.code).toBe("OFFER_NOT_SENDABLE");
    expect((await admin.offers.get({ offerId: draft.id })).status).toBe("draft");

    const renamed = await admin.offers.update({ offerId: draft.id, patch: { name: "Renamed while still wrong" } });
    expect(renamed.problems).toHaveLength(2);
    await admin.offers.update({ offerId: draft.id, patch: { pricing: terms.pricing ?? null, agreement: { kind: "duration", duration: "P60M" } } });
    expect((await admin.offers.send({ offerId: draft.id })).status).toBe("sent");
  });

  it("keeps the buyer's deadline through 23:59:59 UTC of its day, as AWS does", async () => {
    const { admin, terms, buyer } = await seller();
    const offer = await admin.offers.create({ ...terms, acceptanceDeadline: "2027-03-31" });
    await admin.offers.send({ offerId: offer.id });
    const account = await buyer("012345678901");
    api.clock.set("2027-04-01T00:00:00.000Z");
    expect((await failure(account.buyer.offers.accept({ offerId: offer.id }))).code).toBe("OFFER_EXPIRED");
    api.clock.set("2027-03-31T23:59:59.999Z");
    expect((await account.buyer.offers.accept({ offerId: offer.id })).offerId).toBe(offer.id);
  });
});
