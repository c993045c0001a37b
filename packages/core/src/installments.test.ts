import { describe, expect, it } from "vitest";
import { checkInstallments, installmentsSchema, installmentsTotal } from "./installments";
import { canonicalTerms } from "./offer";

const paid = { model: "saas_contract" as const, contract: { seats: "0" }, quantities: { seats: 100 } };
const context = { pricing: paid, agreement: { kind: "duration" as const, duration: "P12M" }, acceptanceDeadline: "2027-01-31", today: "2027-01-10" };

describe("a payment schedule", () => {
  it("reads 1 to 60 charges on distinct days, in date order, amounts in cents", () => {
    expect(installmentsSchema.parse([{ chargeDate: "2027-06-01", amount: "500.50" }, { chargeDate: "2027-02-01", amount: "0500.00" }])).toEqual([
      { chargeDate: "2027-02-01", amount: "500" },
      { chargeDate: "2027-06-01", amount: "500.5" },
    ]);
  });

  it.each([
    ["no installment", [], [], "at least one installment"],
    ["61 installments", Array.from({ length: 61 }, (_, i) => ({ chargeDate: `2027-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`, amount: "1" })), [], "at most 60"],
    ["a third decimal", [{ chargeDate: "2027-02-01", amount: "10.005" }], [0, "amount"], "at most 2 decimal places"],
    ["a number", [{ chargeDate: "2027-02-01", amount: 10 }], [0, "amount"], "decimal string"],
    ["nothing to pay", [{ chargeDate: "2027-02-01", amount: "0.00" }], [0, "amount"], "more than 0"],
    ["two charges on one day", [{ chargeDate: "2027-02-01", amount: "1" }, { chargeDate: "2027-02-01", amount: "2" }], [1, "chargeDate"], "Two installments fall on 2027-02-01"],
    ["a date that is not one", [{ chargeDate: "2027-02-30", amount: "1" }], [0, "chargeDate"], ""],
  ])("refuses %s, naming the field", (_case, input, path, message) => {
    const result = installmentsSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toContain(message);
  });

  it("passes the marketplace's rules when every charge is ahead, before the end, one at most by the deadline", () => {
    const installments = [
      { chargeDate: "2027-01-20", amount: "1000" },
      { chargeDate: "2027-07-01", amount: "1000" },
      { chargeDate: "2028-01-09", amount: "1000" },
    ];
    expect(checkInstallments(installments, context)).toEqual([]);
  });

  it("refuses a charge in the past or not before the agreement's earliest end", () => {
    const issues = checkInstallments(
      [
        { chargeDate: "2027-01-09", amount: "1" },
        { chargeDate: "2028-01-10", amount: "1" },
      ],
      context,
    );
    expect(issues).toEqual([
      { path: ["installments", 0, "chargeDate"], message: "2027-01-09 has passed (today is 2027-01-10 UTC)" },
      { path: ["installments", 1, "chargeDate"], message: "2028-01-10 is not before the agreement ends (2028-01-10 at the earliest)" },
    ]);
    expect(checkInstallments([{ chargeDate: "2027-03-01", amount: "1" }], { ...context, agreement: { kind: "endDate", endDate: "2027-03-01" } })[0]?.path).toEqual([
      "installments",
      0,
      "chargeDate",
    ]);
  });

  it("refuses two charges on or before the acceptance deadline", () => {
    const issues = checkInstallments(
      [
        { chargeDate: "2027-01-15", amount: "1" },
        { chargeDate: "2027-01-31", amount: "1" },
      ],
      context,
    );
    expect(issues).toEqual([{ path: ["installments"], message: "At most one installment may fall on or before the acceptance deadline (2027-01-31)" }]);
  });

  it("belongs to SaaS contracts and hourly + annual offers only", () => {
    const usage = { model: "usage" as const, rates: { users: "1" } };
    expect(checkInstallments([{ chargeDate: "2027-02-01", amount: "1" }], { ...context, pricing: usage })).toEqual([
      { path: ["installments"], message: "Only SaaS contract and hourly + annual offers may be paid in installments" },
    ]);
  });

  it("grants a fixed quantity of each contract dimension at price 0, as the marketplace models a schedule", () => {
    const schedule = [{ chargeDate: "2027-02-01", amount: "1" }];
    const priced = { model: "saas_contract" as const, contract: { seats: "100", admins: "0" }, quantities: { seats: 10, guests: 2 } };
    expect(checkInstallments(schedule, { ...context, pricing: priced })).toEqual([
      { path: ["pricing", "contract", "seats"], message: "With a payment schedule this price is 0: the schedule carries the money" },
      { path: ["pricing", "quantities", "admins"], message: "With a payment schedule, say how many of admins the buyer gets for the term" },
      { path: ["pricing", "quantities", "guests"], message: "guests has no contract price in this offer" },
    ]);
  });

  it("grants annual instance types of an hourly + annual offer, its hourly prices unchanged", () => {
    const annual = { model: "hourly_annual" as const, hourly: { "m5.large": "0.5" }, annual: { "m5.large": "0" }, annualQuantities: { "m5.large": 4 } };
    expect(checkInstallments([{ chargeDate: "2027-02-01", amount: "1" }], { ...context, pricing: annual, agreement: { kind: "duration", duration: "P365D" } })).toEqual([]);
    expect(checkInstallments(undefined, { ...context, pricing: annual })).toEqual([
      { path: ["pricing", "annualQuantities"], message: "Granted quantities go with a payment schedule only" },
    ]);
  });

  it("totals the schedule in cents, exactly", () => {
    expect(installmentsTotal([{ chargeDate: "2027-02-01", amount: "0.1" }, { chargeDate: "2027-03-01", amount: "0.2" }, { chargeDate: "2027-04-01", amount: "100000000" }])).toBe("100000000.30");
  });

  it("leaves the canonical terms of an offer without one as they always were", () => {
    const terms = {
      name: "n",
      description: "d",
      buyerAccounts: ["012345678901"],
      pricing: paid,
      eulaSha256: "a".repeat(64),
      agreement: { kind: "duration" as const, duration: "P12M" },
      acceptanceDeadline: "2027-01-31",
    };
    expect(canonicalTerms("prod-x", terms)).not.toContain("installments");
    expect(canonicalTerms("prod-x", { ...terms, installments: [{ chargeDate: "2027-02-01", amount: "1" }] })).toContain('"installments":[{"amount":"1","chargeDate":"2027-02-01"}]');
  });
});
