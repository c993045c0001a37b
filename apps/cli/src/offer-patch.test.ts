import { describe, expect, it } from "vitest";
import { createOfferInput, installmentList, updateOfferPatch, type ProductPricingRef } from "./offer-input";

const contract: ProductPricingRef = { id: "prod-abcdefghij12", asin: "B00635Y2IW", model: "saas_contract" };
const current = { pricing: { model: "saas_contract" as const, contract: { seats: "45.5", storage_tb: "120" } } };

describe("updateOfferPatch", () => {
  it("holds only what the flags and the file set", () => {
    expect(updateOfferPatch(contract, { name: "Acme", deadline: "2027-03-31" }, {}, current, [], "offers update")).toEqual({ name: "Acme", acceptanceDeadline: "2027-03-31" });
  });

  it("lays a price flag over the draft's prices, keeping the others", () => {
    expect(updateOfferPatch(contract, { prices: ["seats=40"] }, {}, current, [], "offers update").pricing).toEqual({
      model: "saas_contract",
      contract: { seats: "40", storage_tb: "120" },
    });
  });

  it("takes the file's prices over the draft's, with flags over the file's", () => {
    const file = { pricing: { model: "saas_contract" as const, contract: { seats: "1" } } };
    expect(updateOfferPatch(contract, { prices: ["storage_tb=2"] }, file, current, [], "offers update").pricing).toEqual({
      model: "saas_contract",
      contract: { seats: "1", storage_tb: "2" },
    });
  });

  it("clears a term with null, and refuses a term both set and cleared or one it does not know", () => {
    expect(updateOfferPatch(contract, {}, {}, current, ["installments", "refundPolicy"], "offers update")).toEqual({ installments: null, refundPolicy: null });
    expect(() => updateOfferPatch(contract, { name: "x" }, {}, current, ["name"], "offers update")).toThrow("name is both set and cleared: give one of them");
    expect(() => updateOfferPatch(contract, {}, {}, current, ["productId"], "offers update")).toThrow(/^--clear takes one of name, description, /);
  });

  it("leaves out the file's product and idempotency key, which an update has not", () => {
    expect(updateOfferPatch(contract, {}, { product: "B00635Y2IW", idempotencyKey: "deal-0001-key", name: "From file" }, current, [], "offers update")).toEqual({ name: "From file" });
  });
});

describe("installmentList", () => {
  it("keeps each date and amount as typed, in order", () => {
    expect(installmentList(["2027-01-15=30000.00", " 2027-07-15 = 0.5 "])).toEqual([
      { chargeDate: "2027-01-15", amount: "30000.00" },
      { chargeDate: "2027-07-15", amount: "0.5" },
    ]);
  });

  it("refuses a charge without its date or amount", () => {
    expect(() => installmentList(["30000"])).toThrow("--installment takes <YYYY-MM-DD>=<USD>, e.g. --installment 2027-01-15=30000.00; got 30000");
  });

  it("replaces the file's schedule in a create input", () => {
    const file = { installments: [{ chargeDate: "2027-01-01", amount: "1" }] };
    expect(createOfferInput(contract, { installments: ["2027-02-01=2"] }, file).installments).toEqual([{ chargeDate: "2027-02-01", amount: "2" }]);
    expect(createOfferInput(contract, {}, file).installments).toEqual(file.installments);
  });

  it("reads a file's pasted account IDs as 12 digits", () => {
    expect(createOfferInput(contract, {}, { buyerAccounts: ["1111-2222-3333"] }).buyerAccounts).toEqual(["111122223333"]);
  });
});
