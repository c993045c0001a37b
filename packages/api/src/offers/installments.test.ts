import { testDialects } from "@offerkit/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "../test-helpers";
import { completeOfferTerms, createTestApi, sampleProduct, TEST_START, uploadSamplePdf } from "../testing";

const schedule = [
  { chargeDate: "2027-09-01", amount: "600000" },
  { chargeDate: "2027-03-15", amount: "600000.00" },
  { chargeDate: "2028-03-01", amount: "400.5" },
];

describe.each(testDialects())("offers paid in installments on %s", (dialect) => {
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
    const terms = completeOfferTerms(product.id, eula.sha256);
    // A schedule carries the money: the contract grants a fixed quantity at price 0.
    const scheduled = { ...terms, pricing: { model: "saas_contract" as const, contract: { seats: "0" }, quantities: { seats: 250 } } };
    return { ...tenant, terms, scheduled };
  }

  it("sends a payment schedule, freezes it, and shows it to the buyer", async () => {
    const { admin, scheduled, buyer } = await seller();
    const draft = await admin.offers.create({ ...scheduled, installments: schedule });
    expect(draft.installmentsTotal).toBe("1200400.50");
    expect(draft.problems).toEqual([]);
    expect(draft.installments).toEqual([
      { chargeDate: "2027-03-15", amount: "600000" },
      { chargeDate: "2027-09-01", amount: "600000" },
      { chargeDate: "2028-03-01", amount: "400.5" },
    ]);
    const sent = await admin.offers.send({ offerId: draft.id });
    expect(sent.installments).toEqual(draft.installments);

    const refused = await failure(admin.offers.update({ offerId: draft.id, patch: { installments: null } }));
    expect(refused.code).toBe("OFFER_IMMUTABLE");
    const other = await api.deps.db
      .updateTable("offers")
      .set({ installments: JSON.stringify([{ chargeDate: "2027-04-01", amount: "1" }]) })
      .where("id", "=", draft.id)
      .execute()
      .then(
        () => "changed",
        (error: unknown) => String(error),
      );
    expect(other).toContain("OFFER_IMMUTABLE");

    const account = await buyer("012345678901");
    expect((await account.buyer.offers.get({ offerId: draft.id })).installments).toEqual(draft.installments);
  });

  it("names each schedule rule the offer breaks when it is sent", async () => {
    const { admin, scheduled } = await seller();
    const draft = await admin.offers.create({
      ...scheduled,
      installments: [
        { chargeDate: "2027-02-28", amount: "1" },
        { chargeDate: "2027-03-20", amount: "1" },
        { chargeDate: "2027-03-25", amount: "1" },
        { chargeDate: "2030-03-01", amount: "1" },
      ],
    });
    const expected = ["installments.0.chargeDate", "installments.3.chargeDate", "installments"];
    expect(draft.problems.map((issue) => issue.path.join("."))).toEqual(expected);
    const refused = await failure(admin.offers.send({ offerId: draft.id }));
    expect(refused.code).toBe("OFFER_NOT_SENDABLE");
    expect(refused.paths).toEqual(expected);
    expect((await admin.offers.get({ offerId: draft.id })).status).toBe("draft");
  });

  it("refuses a malformed schedule at once, naming the field, and clears one with null", async () => {
    const { admin, terms } = await seller();
    const bad = await failure(admin.offers.create({ ...terms, installments: [{ chargeDate: "2027-04-01", amount: "12.345" }] }));
    expect(bad.code).toBe("VALIDATION_FAILED");
    expect(bad.paths).toEqual(["installments.0.amount"]);
    const draft = await admin.offers.create({ ...terms, installments: schedule });
    expect(draft.problems.map((issue) => issue.path.join("."))).toEqual(["pricing.contract.seats", "pricing.quantities.seats"]);
    const cleared = await admin.offers.update({ offerId: draft.id, patch: { installments: null } });
    expect(cleared.installments).toBeNull();
  });

  it("shows the rep a contract priced per unit beside a schedule, and sends it once the quantity is granted", async () => {
    const { admin, terms } = await seller();
    const draft = await admin.offers.create({ ...terms, installments: schedule });
    const fixed = await admin.offers.update({
      offerId: draft.id,
      patch: { pricing: { model: "saas_contract", contract: { seats: "0" }, quantities: { seats: 250 } } },
    });
    expect(fixed.problems).toEqual([]);
    expect((await admin.offers.send({ offerId: draft.id })).pricing).toEqual({ model: "saas_contract", contract: { seats: "0" }, quantities: { seats: 250 } });
  });
});
