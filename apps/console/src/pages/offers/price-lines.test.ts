import { describe, expect, it } from "vitest";
import { noPricesText, priceLinesOf } from "./price-lines";

describe("priceLinesOf", () => {
  it("says each contract price per unit for the term", () => {
    expect(priceLinesOf({ model: "saas_contract", contract: { seats: "45.5", storage_tb: "120" } })).toEqual(["seats: $45.50 per unit for the term", "storage_tb: $120.00 per unit for the term"]);
  });

  it("lists hourly prices before annual ones", () => {
    expect(priceLinesOf({ model: "hourly_annual", hourly: { "m5.large": "0.12" }, annual: { "m5.large": "800" } })).toEqual(["m5.large: $0.12 per hour", "m5.large: $800.00 per year"]);
  });

  it("says usage rates per unit and a monthly fee per month", () => {
    expect(priceLinesOf({ model: "usage", rates: { users: "0.00012345" } })).toEqual(["users: $0.00012345 per unit"]);
    expect(priceLinesOf({ model: "monthly", monthlyFee: "499.99" })).toEqual(["$499.99 per month"]);
  });

  it("says how many units a payment schedule grants, at the upfront price of 0", () => {
    expect(priceLinesOf({ model: "saas_contract", contract: { seats: "0", storage_tb: "0" }, quantities: { seats: 100, storage_tb: 20 } })).toEqual([
      "seats: 100 units for the term, at $0.00 each upfront",
      "storage_tb: 20 units for the term, at $0.00 each upfront",
    ]);
    expect(priceLinesOf({ model: "hourly_annual", hourly: { "c5.large": "0.1" }, annual: { "c5.large": "0" }, annualQuantities: { "c5.large": 3 } })).toEqual([
      "c5.large: $0.10 per hour",
      "c5.large: 3 on the annual term, at $0.00 each upfront",
    ]);
  });

  it("shows a dimension the schedule grants no quantity by its price alone", () => {
    expect(priceLinesOf({ model: "saas_contract", contract: { seats: "0", storage_tb: "0" }, quantities: { seats: 100 } })).toEqual([
      "seats: 100 units for the term, at $0.00 each upfront",
      "storage_tb: $0.00 per unit for the term",
    ]);
  });

  it("shows a price that is no amount yet (typed in a form) as typed, never a guess", () => {
    expect(priceLinesOf({ model: "saas_contract", contract: { seats: "45,50" } })).toEqual(["seats: 45,50 per unit for the term"]);
  });

  it("leads each line with the dimension's name when the product's names are given", () => {
    expect(priceLinesOf({ model: "saas_contract", contract: { seats: "45.5", storage_tb: "120" } }, { seats: "User seats", storage_tb: "storage_tb" })).toEqual([
      "User seats (seats): $45.50 per unit for the term",
      "storage_tb: $120.00 per unit for the term",
    ]);
    expect(priceLinesOf({ model: "saas_contract", contract: { seats: "0" }, quantities: { seats: 100 } }, { seats: "User seats" })).toEqual([
      "User seats (seats): 100 units for the term, at $0.00 each upfront",
    ]);
  });

  it("has no lines for a free product or a table with no price yet", () => {
    expect(priceLinesOf({ model: "free" })).toEqual([]);
    expect(priceLinesOf({ model: "saas_contract", contract: {} })).toEqual([]);
  });
});

describe("noPricesText", () => {
  it("says a free or BYOL offer has no prices, and any other is missing them", () => {
    expect(noPricesText({ model: "free" })).toBe("no prices");
    expect(noPricesText({ model: "byol" })).toBe("no prices");
    expect(noPricesText({ model: "saas_contract", contract: {} })).toBe("missing");
    expect(noPricesText(null)).toBe("missing");
    expect(noPricesText(undefined)).toBe("missing");
  });
});
