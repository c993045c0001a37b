import { describe, expect, it } from "vitest";
import { termsOf, valuesOf, type DraftTerms, type OfferFormValues } from "./offer-form-values";

const contract = { pricing: { model: "saas_contract" as const, dimensions: [{ key: "seats", name: "User seats" }] } };
const eula = { sha256: "a".repeat(64), fileName: "acme-eula.pdf", size: 2048, pageCount: 3, uploadedAt: "2027-12-01T10:00:00.000Z" };

const empty: DraftTerms = {
  productId: "prod_1",
  name: null,
  description: null,
  buyerAccounts: [],
  pricing: null,
  eula: null,
  agreement: null,
  acceptanceDeadline: null,
  refundPolicy: null,
  installments: null,
};

/** A new offer's values, as `valuesOf(null)` gives them, with what the rep typed. */
const typed = (values: Partial<OfferFormValues>): OfferFormValues => ({ ...valuesOf(null, "prod_1"), ...values });

describe("valuesOf", () => {
  it("starts a new offer empty, on the product given, for 12 months", () => {
    expect(valuesOf(null)).toEqual({
      productId: "",
      name: "",
      description: "",
      buyerAccounts: "",
      prices: {},
      payment: "atOnce",
      eula: null,
      agreementKind: "duration",
      months: "12",
      days: "365",
      endDate: "",
      acceptanceDeadline: "",
      refundPolicy: "",
      installments: [{ key: 1, chargeDate: "", amount: "" }],
    });
    expect(valuesOf(null, "prod_1").productId).toBe("prod_1");
  });

  it("fills the form with a draft's terms, as a rep would type them", () => {
    const draft: DraftTerms = {
      productId: "prod_1",
      name: "Acme, one year",
      description: "Approved by the VP of sales",
      buyerAccounts: ["012345678901", "111122223333"],
      pricing: { model: "saas_contract", contract: { seats: "0" }, quantities: { seats: 100 } },
      eula,
      agreement: { kind: "duration", duration: "P12M" },
      acceptanceDeadline: "2028-01-31",
      refundPolicy: "Write to refunds@acme.example within 30 days.",
      installments: [
        { chargeDate: "2028-01-20", amount: "2000" },
        { chargeDate: "2028-07-20", amount: "3428.5" },
      ],
    };
    expect(valuesOf(draft)).toEqual({
      productId: "prod_1",
      name: "Acme, one year",
      description: "Approved by the VP of sales",
      buyerAccounts: "012345678901\n111122223333",
      prices: { "contract.seats": "0", "quantity.seats": "100" },
      payment: "installments",
      eula,
      agreementKind: "duration",
      months: "12",
      days: "",
      endDate: "",
      acceptanceDeadline: "2028-01-31",
      refundPolicy: "Write to refunds@acme.example within 30 days.",
      installments: [
        { key: 1, chargeDate: "2028-01-20", amount: "2000" },
        { key: 2, chargeDate: "2028-07-20", amount: "3428.5" },
      ],
    });
    const { productId, name, description, buyerAccounts, pricing, agreement, acceptanceDeadline, refundPolicy, installments } = draft;
    expect(termsOf(valuesOf(draft), contract)).toEqual({
      productId,
      name,
      description,
      buyerAccounts,
      pricing,
      eulaSha256: eula.sha256,
      agreement,
      acceptanceDeadline,
      refundPolicy,
      installments,
    });
  });

  it("opens a draft paid at once on its prices, and one granting quantities without a schedule on installments", () => {
    const atOnce: DraftTerms = { ...empty, pricing: { model: "saas_contract", contract: { seats: "45.5" } } };
    expect(valuesOf(atOnce).payment).toBe("atOnce");
    expect(termsOf(valuesOf(atOnce), contract).pricing).toEqual({ model: "saas_contract", contract: { seats: "45.5" } });
    const granted: DraftTerms = { ...empty, pricing: { model: "saas_contract", contract: { seats: "0" }, quantities: { seats: 10 } } };
    expect(valuesOf(granted).payment).toBe("installments");
  });

  it("leaves every field empty for a draft with nothing set yet", () => {
    expect(valuesOf(empty)).toEqual(valuesOf(null, "prod_1"));
  });
});

describe("termsOf", () => {
  it("sends only the product and its (empty) prices for an untouched form", () => {
    expect(termsOf(typed({ months: "" }), contract)).toEqual({ productId: "prod_1", pricing: { model: "saas_contract", contract: {} } });
  });

  it("sends a full offer as typed, trimmed", () => {
    const values = typed({
      name: "  Acme, one year ",
      description: "Approved by the VP of sales\n",
      buyerAccounts: "012345678901, 111122223333",
      prices: { "contract.seats": " 45.5", "quantity.seats": " 100 " },
      payment: "installments",
      eula,
      months: "12",
      acceptanceDeadline: "2028-01-31",
      refundPolicy: " Write to refunds@acme.example within 30 days. ",
      installments: [
        { key: 1, chargeDate: "2028-01-20", amount: "2000.00" },
        { key: 2, chargeDate: "2028-07-20", amount: "3,428.50" },
      ],
    });
    expect(termsOf(values, contract)).toEqual({
      productId: "prod_1",
      name: "Acme, one year",
      description: "Approved by the VP of sales",
      buyerAccounts: ["012345678901", "111122223333"],
      pricing: { model: "saas_contract", contract: { seats: "0" }, quantities: { seats: 100 } },
      eulaSha256: eula.sha256,
      agreement: { kind: "duration", duration: "P12M" },
      acceptanceDeadline: "2028-01-31",
      refundPolicy: "Write to refunds@acme.example within 30 days.",
      installments: [
        { chargeDate: "2028-01-20", amount: "2000.00" },
        { chargeDate: "2028-07-20", amount: "3428.50" },
      ],
    });
  });

  it("leaves out text fields holding only spaces, so the server says they are missing", () => {
    const terms = termsOf(typed({ name: "   ", description: "\n", refundPolicy: " \t ", buyerAccounts: " , ", installments: [{ key: 1, chargeDate: " ", amount: "" }] }), contract);
    expect(terms).not.toHaveProperty("name");
    expect(terms).not.toHaveProperty("description");
    expect(terms).not.toHaveProperty("refundPolicy");
    expect(terms).not.toHaveProperty("buyerAccounts");
    expect(terms).not.toHaveProperty("installments");
  });

  it("counts an hourly or metered offer's agreement in days, a contract's in months", () => {
    const hourly = { pricing: { model: "hourly" as const, dimensions: [{ key: "m5.large", name: "m5.large" }] } };
    expect(termsOf(typed({ days: "90" }), hourly).agreement).toEqual({ kind: "duration", duration: "P90D" });
    expect(termsOf(typed({ days: "90" }), contract).agreement).toEqual({ kind: "duration", duration: "P12M" });
  });

  it("sends an end date instead of months when the rep picks one", () => {
    expect(termsOf(typed({ agreementKind: "endDate", endDate: "2029-06-30" }), contract).agreement).toEqual({ kind: "endDate", endDate: "2029-06-30" });
  });

  it("sends the schedule only when the rep chose installments, and no quantities without it", () => {
    const typedSchedule = typed({ prices: { "contract.seats": "45.5", "quantity.seats": "100" }, installments: [{ key: 1, chargeDate: "2028-01-20", amount: "2000.00" }] });
    expect(termsOf(typedSchedule, contract)).not.toHaveProperty("installments");
    expect(termsOf(typedSchedule, contract).pricing).toEqual({ model: "saas_contract", contract: { seats: "45.5" } });
    expect(termsOf({ ...typedSchedule, payment: "installments" }, contract).installments).toEqual([{ chargeDate: "2028-01-20", amount: "2000.00" }]);
  });

  it("sends an installment typed 30,000.00 as 30000.00, never as 30", () => {
    expect(termsOf(typed({ payment: "installments", installments: [{ key: 1, chargeDate: "2027-01-20", amount: "30,000.00" }] }), contract).installments).toEqual([
      { chargeDate: "2027-01-20", amount: "30000.00" },
    ]);
  });

  it("sends prices as understood, and what it cannot read as typed for the server to name", () => {
    expect(termsOf(typed({ prices: { "contract.seats": "$1,200.50" } }), contract).pricing).toEqual({ model: "saas_contract", contract: { seats: "1200.50" } });
    expect(termsOf(typed({ prices: { "contract.seats": "45,50" } }), contract).pricing).toEqual({ model: "saas_contract", contract: { seats: "45,50" } });
  });

  it("sends pasted dashed account IDs as their 12 digits", () => {
    expect(termsOf(typed({ buyerAccounts: "1234-5678-9012\n0000 1111 2222" }), contract).buyerAccounts).toEqual(["123456789012", "000011112222"]);
  });
});
