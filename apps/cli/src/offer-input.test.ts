import { describe, expect, it } from "vitest";
import { UsageError } from "./errors";
import { createOfferInput, offerPricing, priceTable, productRef, type ProductPricingRef } from "./offer-input";
import type { PricingModel } from "./offer-file";

function product(model: PricingModel): ProductPricingRef {
  return { id: "prod-abcdefghij12", asin: "B00635Y2IW", model };
}

describe("priceTable", () => {
  it("keeps each price exactly as typed", () => {
    expect(priceTable(["seats=45.50", "storage_tb = 0.10000001", "m5.large=0.1"], "--price")).toEqual({
      seats: "45.50",
      storage_tb: "0.10000001",
      "m5.large": "0.1",
    });
  });

  it.each([["seats"], ["=1"], ["seats="]])("refuses %s", (pair) => {
    expect(() => priceTable([pair], "--price")).toThrow(`--price takes <dimension>=<price>, e.g. --price seats=45.50; got ${pair}`);
  });

  it("refuses a dimension given twice", () => {
    expect(() => priceTable(["seats=1", "seats=2"], "--price")).toThrow("--price seats is given twice");
  });
});

describe("offerPricing", () => {
  it.each<[PricingModel, Parameters<typeof offerPricing>[1], unknown]>([
    ["saas_contract", { prices: ["seats=45.5"] }, { model: "saas_contract", contract: { seats: "45.5" } }],
    ["usage", { prices: ["hosts_small=0.01"] }, { model: "usage", rates: { hosts_small: "0.01" } }],
    ["saas_subscription", { prices: ["requests=0.0001"] }, { model: "saas_subscription", rates: { requests: "0.0001" } }],
    ["hourly", { prices: ["m5.large=0.12"] }, { model: "hourly", hourly: { "m5.large": "0.12" } }],
    [
      "hourly_annual",
      { prices: ["c5.large=0.1"], annualPrices: ["c5.large=800"] },
      { model: "hourly_annual", hourly: { "c5.large": "0.1" }, annual: { "c5.large": "800" } },
    ],
    ["monthly", { monthlyFee: "99.99" }, { model: "monthly", monthlyFee: "99.99" }],
    ["free", {}, { model: "free" }],
    ["byol", {}, { model: "byol" }],
  ])("maps the flags of a %s product", (model, flags, expected) => {
    expect(offerPricing(product(model), flags, undefined)).toEqual(expected);
  });

  it("leaves a paid product's draft without prices when none are given", () => {
    expect(offerPricing(product("saas_contract"), {}, undefined)).toBeUndefined();
  });

  it("lays price flags over the file's prices, dimension by dimension", () => {
    const file = { model: "saas_contract" as const, contract: { seats: "30", storage_tb: "120" } };
    expect(offerPricing(product("saas_contract"), { prices: ["seats=29.5"] }, file)).toEqual({
      model: "saas_contract",
      contract: { seats: "29.5", storage_tb: "120" },
    });
    expect(offerPricing(product("saas_contract"), {}, file)).toBe(file);
  });

  it("keeps the file's annual prices when only hourly ones are given", () => {
    const file = { model: "hourly_annual" as const, hourly: { "c5.large": "0.2" }, annual: { "c5.large": "800" } };
    expect(offerPricing(product("hourly_annual"), { prices: ["c5.large=0.1"] }, file)).toEqual({
      model: "hourly_annual",
      hourly: { "c5.large": "0.1" },
      annual: { "c5.large": "800" },
    });
  });

  it("keeps the quantities a file grants with its schedule when price flags are laid over it", () => {
    const contract = { model: "saas_contract" as const, contract: { seats: "0", storage_tb: "0" }, quantities: { seats: 250, storage_tb: 40 } };
    expect(offerPricing(product("saas_contract"), { prices: ["seats=0"] }, contract)).toEqual(contract);
    const annual = { model: "hourly_annual" as const, hourly: { "c5.large": "0.2" }, annual: { "c5.large": "0" }, annualQuantities: { "c5.large": 3 } };
    expect(offerPricing(product("hourly_annual"), { prices: ["c5.large=0.1"] }, annual)).toEqual({ ...annual, hourly: { "c5.large": "0.1" } });
  });

  it.each<[PricingModel, Parameters<typeof offerPricing>[1], string]>([
    ["saas_contract", { monthlyFee: "10" }, "--monthly-fee does not apply: B00635Y2IW is priced saas_contract; use --price <dimension>=<USD per unit for the whole term>"],
    ["monthly", { prices: ["x=1"] }, "--price does not apply: B00635Y2IW is priced monthly; use --monthly-fee <USD per month>"],
    ["hourly", { annualPrices: ["m5.large=1"] }, "--annual-price does not apply: B00635Y2IW is priced hourly; use --price <instance type>=<USD per hour>"],
    ["free", { prices: ["x=0"] }, "--price does not apply: B00635Y2IW is priced free; it takes no prices"],
  ])("refuses flags a %s product does not take", (model, flags, message) => {
    expect(() => offerPricing(product(model), flags, undefined)).toThrow(new UsageError(message, "offers create"));
  });
});

describe("createOfferInput", () => {
  const file = {
    product: "B00635Y2IW",
    name: "From the file",
    description: "File description",
    buyerAccounts: ["111122223333"],
    eulaSha256: "a".repeat(64),
    agreement: { kind: "duration" as const, duration: "P12M" },
    acceptanceDeadline: "2027-06-30",
    refundPolicy: "File policy",
    idempotencyKey: "file-key-0001",
  };

  it("takes the file's fields for the resolved product", () => {
    expect(createOfferInput(product("free"), {}, file)).toEqual({
      productId: "prod-abcdefghij12",
      name: "From the file",
      description: "File description",
      buyerAccounts: ["111122223333"],
      pricing: { model: "free" },
      eulaSha256: "a".repeat(64),
      agreement: { kind: "duration", duration: "P12M" },
      acceptanceDeadline: "2027-06-30",
      refundPolicy: "File policy",
      idempotencyKey: "file-key-0001",
    });
  });

  it("lets each flag replace the file's field", () => {
    const input = createOfferInput(
      product("free"),
      { name: "Flag", description: "Flag description", accounts: ["012345678901", "210987654321"], endDate: "2029-01-31", deadline: "2027-07-31", refundPolicy: "Flag policy" },
      file,
    );
    expect(input).toMatchObject({
      name: "Flag",
      description: "Flag description",
      buyerAccounts: ["012345678901", "210987654321"],
      agreement: { kind: "endDate", endDate: "2029-01-31" },
      acceptanceDeadline: "2027-07-31",
      refundPolicy: "Flag policy",
    });
  });

  it("sends the file's payment schedule as written", () => {
    const installments = [
      { chargeDate: "2027-01-15", amount: "60000.00" },
      { chargeDate: "2028-01-15", amount: "60000.00" },
    ];
    expect(createOfferInput(product("saas_contract"), {}, { installments }).installments).toEqual(installments);
  });

  it("sends only the fields given", () => {
    expect(createOfferInput(product("saas_contract"), { name: "Only a name" }, {})).toEqual({ productId: "prod-abcdefghij12", name: "Only a name" });
  });

  it("refuses both --duration and --end-date", () => {
    expect(() => createOfferInput(product("free"), { duration: "P12M", endDate: "2029-01-31" }, {})).toThrow("give --duration or --end-date, not both");
  });
});

describe("productRef", () => {
  it("prefers the flag, falls back to the file, and needs one of them", () => {
    expect(productRef({ product: "prod-flag" }, { product: "B00635Y2IW" })).toBe("prod-flag");
    expect(productRef({}, { product: "B00635Y2IW" })).toBe("B00635Y2IW");
    expect(() => productRef({}, {})).toThrow("missing --product");
  });
});
