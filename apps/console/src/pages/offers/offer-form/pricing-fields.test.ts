import { describe, expect, it } from "vitest";
import { offerPricingOf, priceInputsOf, priceRuleOf, priceTablesOf, type ProductPricing } from "./pricing-fields";

const seats = { key: "seats", name: "User seats" };
const storage = { key: "storage_tb", name: "Storage (TB)" };
const contract: ProductPricing = { model: "saas_contract", dimensions: [seats, storage] };
const hourlyAnnual: ProductPricing = {
  model: "hourly_annual",
  dimensions: [
    { key: "m5.large", name: "m5.large" },
    { key: "m5.xlarge", name: "m5.xlarge" },
  ],
};

describe("priceTablesOf", () => {
  it("asks a SaaS contract for a price per unit for the whole term", () => {
    expect(priceTablesOf(contract).map((table) => table.key)).toEqual(["contract"]);
  });

  it("asks hourly + annual for hourly prices of every type and annual prices of some", () => {
    expect(priceTablesOf(hourlyAnnual)).toEqual([
      { key: "hourly", label: "USD per instance-hour", everyDimension: true },
      { key: "annual", label: "USD for 12 months prepaid (optional per instance type)", everyDimension: false },
    ]);
  });

  it("asks usage and SaaS subscriptions for rates", () => {
    expect(priceTablesOf({ model: "usage", category: "users", dimensions: [seats] }).map((table) => table.key)).toEqual(["rates"]);
    expect(priceTablesOf({ model: "saas_subscription", category: "users", dimensions: [seats] }).map((table) => table.key)).toEqual(["rates"]);
  });

  it("has no tables for free, BYOL and monthly products", () => {
    expect(priceTablesOf({ model: "free", dimensions: [] })).toEqual([]);
    expect(priceTablesOf({ model: "byol", dimensions: [] })).toEqual([]);
    expect(priceTablesOf({ model: "monthly", dimensions: [] })).toEqual([]);
  });
});

describe("offerPricingOf", () => {
  it("prices each dimension with the decimal string typed, never a number", () => {
    expect(offerPricingOf(contract, { "contract.seats": "45.5", "contract.storage_tb": "120" })).toEqual({ model: "saas_contract", contract: { seats: "45.5", storage_tb: "120" } });
  });

  it("keeps the digits exactly: no float rounding, no lost zeros", () => {
    const pricing = offerPricingOf({ model: "hourly", dimensions: [{ key: "m5.large", name: "m5.large" }] }, { "hourly.m5.large": "0.10000001" });
    expect(pricing).toEqual({ model: "hourly", hourly: { "m5.large": "0.10000001" } });
  });

  it("trims spaces pasted around a price", () => {
    expect(offerPricingOf(contract, { "contract.seats": " 45.5 ", "contract.storage_tb": "\t120\n" })).toEqual({ model: "saas_contract", contract: { seats: "45.5", storage_tb: "120" } });
  });

  it("leaves out empty prices, so the server names the dimension that needs one", () => {
    expect(offerPricingOf(contract, { "contract.seats": "45.5", "contract.storage_tb": "  " })).toEqual({ model: "saas_contract", contract: { seats: "45.5" } });
  });

  it("sends a price with a thousands comma or a currency sign as understood, and an ambiguous one as typed, for the server to refuse", () => {
    expect(offerPricingOf(contract, { "contract.seats": "1,200", "contract.storage_tb": "$120" })).toEqual({ model: "saas_contract", contract: { seats: "1200", storage_tb: "120" } });
    expect(offerPricingOf(contract, { "contract.seats": "45,50" })).toEqual({ model: "saas_contract", contract: { seats: "45,50" } });
  });

  it("holds each table to its own decimals: 8 per hour or unit of usage, 3 upfront", () => {
    expect(priceRuleOf("rates.requests").safeParse("0.00012345").success).toBe(true);
    expect(priceRuleOf("hourly.m5.large").safeParse("0.00012345").success).toBe(true);
    expect(priceRuleOf("contract.seats").safeParse("0.00012345").success).toBe(false);
    expect(priceRuleOf("monthlyFee").safeParse("0.0001").success).toBe(false);
  });

  it("ignores prices typed for dimensions the product does not have", () => {
    expect(offerPricingOf(contract, { "contract.seats": "1", "contract.gpus": "9", "rates.seats": "2" })).toEqual({ model: "saas_contract", contract: { seats: "1" } });
  });

  it("keeps hourly and annual tables apart, annual prices for some types only", () => {
    expect(offerPricingOf(hourlyAnnual, { "hourly.m5.large": "0.12", "hourly.m5.xlarge": "0.24", "annual.m5.large": "800" })).toEqual({
      model: "hourly_annual",
      hourly: { "m5.large": "0.12", "m5.xlarge": "0.24" },
      annual: { "m5.large": "800" },
    });
  });

  it("reads a monthly fee, empty when none is typed", () => {
    expect(offerPricingOf({ model: "monthly", dimensions: [] }, { monthlyFee: " 499.99 " })).toEqual({ model: "monthly", monthlyFee: "499.99" });
    expect(offerPricingOf({ model: "monthly", dimensions: [] }, {})).toEqual({ model: "monthly", monthlyFee: "" });
  });

  it("has no prices for a free or BYOL product, whatever was typed", () => {
    expect(offerPricingOf({ model: "free", dimensions: [] }, { monthlyFee: "10" })).toEqual({ model: "free" });
    expect(offerPricingOf({ model: "byol", dimensions: [] }, {})).toEqual({ model: "byol" });
  });
});

describe("offerPricingOf in installments", () => {
  it("prices every contract dimension 0 and grants the quantities typed, as whole numbers", () => {
    expect(offerPricingOf(contract, { "contract.seats": "45.5", "quantity.seats": "100", "quantity.storage_tb": " 20 " }, "installments")).toEqual({
      model: "saas_contract",
      contract: { seats: "0", storage_tb: "0" },
      quantities: { seats: 100, storage_tb: 20 },
    });
  });

  it("leaves out a quantity left empty, for the server to ask for it", () => {
    expect(offerPricingOf(contract, { "quantity.seats": "100" }, "installments")).toEqual({ model: "saas_contract", contract: { seats: "0", storage_tb: "0" }, quantities: { seats: 100 } });
  });

  it("sends a quantity that is not a whole number as typed, never a guess at it", () => {
    const pricing = offerPricingOf(contract, { "quantity.seats": "1,000", "quantity.storage_tb": "2.5" }, "installments");
    expect(pricing).toEqual({ model: "saas_contract", contract: { seats: "0", storage_tb: "0" }, quantities: { seats: "1,000", storage_tb: "2.5" } });
  });

  it("puts an hourly + annual instance type on the annual term at 0 exactly when it is granted a quantity", () => {
    expect(offerPricingOf(hourlyAnnual, { "hourly.m5.large": "0.12", "hourly.m5.xlarge": "0.24", "annual.m5.large": "800", "quantity.m5.xlarge": "3" }, "installments")).toEqual({
      model: "hourly_annual",
      hourly: { "m5.large": "0.12", "m5.xlarge": "0.24" },
      annual: { "m5.xlarge": "0" },
      annualQuantities: { "m5.xlarge": 3 },
    });
  });

  it("changes nothing for a model without payment schedules, nor for one paid at once", () => {
    const hourly: ProductPricing = { model: "hourly", dimensions: [{ key: "m5.large", name: "m5.large" }] };
    expect(offerPricingOf(hourly, { "hourly.m5.large": "0.1", "quantity.m5.large": "3" }, "installments")).toEqual({ model: "hourly", hourly: { "m5.large": "0.1" } });
    expect(offerPricingOf(contract, { "contract.seats": "45.5", "quantity.seats": "100" }, "atOnce")).toEqual({ model: "saas_contract", contract: { seats: "45.5" } });
  });
});

describe("priceInputsOf", () => {
  it("gives back a schedule's granted quantities as the text of their numbers", () => {
    const saved = { model: "saas_contract" as const, contract: { seats: "0", storage_tb: "0" }, quantities: { seats: 100, storage_tb: 20 } };
    expect(priceInputsOf(saved)).toEqual({ "contract.seats": "0", "contract.storage_tb": "0", "quantity.seats": "100", "quantity.storage_tb": "20" });
    expect(offerPricingOf(contract, priceInputsOf(saved), "installments")).toEqual(saved);
    const annual = { model: "hourly_annual" as const, hourly: { "m5.large": "0.12", "m5.xlarge": "0.24" }, annual: { "m5.large": "0" }, annualQuantities: { "m5.large": 4 } };
    expect(offerPricingOf(hourlyAnnual, priceInputsOf(annual), "installments")).toEqual(annual);
  });

  it("has no inputs for a draft without prices", () => {
    expect(priceInputsOf(null)).toEqual({});
  });

  it("gives back the prices a draft was saved with", () => {
    const saved = { model: "hourly_annual" as const, hourly: { "m5.large": "0.12", "m5.xlarge": "0.24" }, annual: { "m5.large": "800" } };
    expect(priceInputsOf(saved)).toEqual({ "hourly.m5.large": "0.12", "hourly.m5.xlarge": "0.24", "annual.m5.large": "800" });
    expect(offerPricingOf(hourlyAnnual, priceInputsOf(saved))).toEqual(saved);
  });

  it("gives back a monthly fee", () => {
    expect(priceInputsOf({ model: "monthly", monthlyFee: "499.99" })).toEqual({ monthlyFee: "499.99" });
  });
});
