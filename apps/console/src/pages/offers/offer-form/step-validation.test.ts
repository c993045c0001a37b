import { describe, expect, it } from "vitest";
import { valuesOf, type OfferFormValues } from "./offer-form-values";
import { FIELDS_OF_STEP, formIssues, recheckFieldErrors, replaceFieldErrors, stepIssues } from "./step-validation";

const contract = { pricing: { model: "saas_contract" as const, dimensions: [{ key: "seats", name: "User seats" }] } };
const usage = { pricing: { model: "usage" as const, category: "users" as const, dimensions: [{ key: "requests", name: "Requests" }] } };
const eula = { sha256: "a".repeat(64), fileName: "acme-eula.pdf", size: 2048, pageCount: 3, uploadedAt: "2027-12-01T10:00:00.000Z" };
const typed = (values: Partial<OfferFormValues>): OfferFormValues => ({ ...valuesOf(null, "prod_1"), ...values });

describe("stepIssues", () => {
  it("names what is missing on Product only when the rep moves on, in the server's words", () => {
    expect(stepIssues("Product", typed({}), contract, false)).toEqual({});
    expect(stepIssues("Product", typed({ productId: "" }), contract, true)).toEqual({
      productId: "Choose the product this offer is for",
      name: "An offer name is required",
      description: "A description for your team is required (buyers never see it)",
    });
    expect(stepIssues("Product", typed({ name: "x".repeat(151) }), contract, false)).toEqual({ name: "An offer name has 1 to 150 characters" });
  });

  it("marks a wrong account ID and a repeated one on Buyers", () => {
    expect(stepIssues("Buyers", typed({ buyerAccounts: "12345-6789-01" }), contract, false)).toEqual({ "buyerAccounts.0": "An account ID is exactly 12 digits, e.g. 123456789012" });
    expect(stepIssues("Buyers", typed({ buyerAccounts: "1234-5678-9012" }), contract, true)).toEqual({});
  });

  it("reads prices as amounts: 45,50 and $120 are caught on Prices, not after five steps", () => {
    expect(stepIssues("Prices", typed({ prices: { "contract.seats": "45,50" } }), contract, false)["pricing.contract.seats"]).toMatch(/ambiguous/);
    expect(stepIssues("Prices", typed({ prices: { "contract.seats": "$120" } }), contract, true)).toEqual({});
    expect(stepIssues("Prices", typed({ prices: {} }), contract, true)).toEqual({ "pricing.contract.seats": "A price for seats is required" });
    expect(stepIssues("Prices", typed({ prices: { "rates.requests": "0.00012345" } }), usage, true)).toEqual({});
    expect(stepIssues("Prices", typed({ prices: { "rates.requests": "0.000123456" } }), usage, true)).toEqual({ "pricing.rates.requests": "A usage price has at most 8 decimal places" });
  });

  it("checks the granted quantities and the schedule's rows when paid in installments", () => {
    const values = typed({
      payment: "installments",
      prices: { "quantity.seats": "1,000" },
      installments: [
        { key: 1, chargeDate: "2027-01-20", amount: "30,00" },
        { key: 2, chargeDate: "2027-07-20", amount: "30,000.00" },
      ],
    });
    const issues = stepIssues("Prices", values, contract, true);
    expect(issues["pricing.quantities.seats"]).toBe("A quantity is a whole number such as 100");
    expect(issues["installments.0.amount"]).toMatch(/ambiguous/);
    expect(issues).not.toHaveProperty("installments.1.amount");
    expect(issues).not.toHaveProperty("pricing.contract.seats");
  });

  it("asks for the EULA before moving on", () => {
    expect(stepIssues("EULA", typed({}), contract, true)).toEqual({ eulaSha256: "Upload the license agreement as a PDF" });
    expect(stepIssues("EULA", typed({ eula }), contract, true)).toEqual({});
    expect(stepIssues("EULA", typed({}), contract, false)).toEqual({});
  });

  it("checks the agreement, the deadline and the refund policy on Terms", () => {
    expect(stepIssues("Terms", typed({ months: "1.5" }), contract, false)).toEqual({ "agreement.duration": "Type a whole number of months, e.g. 12" });
    expect(stepIssues("Terms", typed({ months: "61" }), contract, false)).toEqual({ "agreement.duration": "An agreement runs at most 60 months" });
    expect(stepIssues("Terms", typed({ months: "" }), contract, true)).toEqual({
      "agreement.duration": "An agreement duration or end date is required",
      acceptanceDeadline: "An acceptance deadline is required",
    });
    expect(stepIssues("Terms", typed({ acceptanceDeadline: "2027-02-30", refundPolicy: "x".repeat(501) }), contract, false)).toEqual({
      acceptanceDeadline: "That date does not exist",
      refundPolicy: "A refund policy has 1 to 500 characters",
    });
  });
});

describe("formIssues", () => {
  it("names missing terms only on the steps the rep tried to leave", () => {
    const issues = formIssues(typed({ buyerAccounts: "" }), contract, new Set(["Buyers"]));
    expect(issues).toEqual({ buyerAccounts: "At least one buyer account is required" });
  });
});

describe("field errors", () => {
  it("replace a field's errors when it is left, keeping the others", () => {
    const errors = { name: "old", "buyerAccounts.1": "An account ID is exactly 12 digits, e.g. 123456789012" };
    expect(replaceFieldErrors(errors, "buyerAccounts", { "buyerAccounts.0": "new", name: "ignored" })).toEqual({ name: "old", "buyerAccounts.0": "new" });
  });

  it("clear as the field is fixed, the server's included, and add nothing while typing", () => {
    const errors = { "installments.0.amount": "An installment has at most 2 decimal places", acceptanceDeadline: "The acceptance deadline 2020-01-01 has passed" };
    expect(recheckFieldErrors(errors, "installments", {})).toEqual({ acceptanceDeadline: errors.acceptanceDeadline });
    expect(recheckFieldErrors(errors, "acceptanceDeadline", { name: "x" })).toEqual({ "installments.0.amount": errors["installments.0.amount"] });
    expect(recheckFieldErrors({}, "name", { name: "An offer name is required" })).toEqual({});
  });

  it("cover every field of every step but Review", () => {
    expect(Object.values(FIELDS_OF_STEP).flat()).toEqual(["productId", "name", "description", "buyerAccounts", "pricing", "installments", "eulaSha256", "agreement", "acceptanceDeadline", "refundPolicy"]);
  });
});
