import { describe, expect, it } from "vitest";
import { movesMoney } from "./marketplace-rules";
import { checkPricingCoversProduct, offerPricingSchema, productPricingSchema } from "./pricing";

const hourlyProduct = productPricingSchema.parse({
  model: "hourly_annual",
  dimensions: [
    { key: "m5.large", name: "m5.large" },
    { key: "m5.xlarge", name: "m5.xlarge" },
  ],
});

describe("product pricing", () => {
  it("caps usage variants at 8 and SaaS variants at 24", () => {
    const dims = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `v${i}`, name: `Variant ${i}` }));
    expect(productPricingSchema.safeParse({ model: "usage", category: "users", dimensions: dims(8) }).success).toBe(true);
    expect(productPricingSchema.safeParse({ model: "usage", category: "users", dimensions: dims(9) }).success).toBe(false);
    expect(
      productPricingSchema.safeParse({ model: "saas_subscription", category: "requests", dimensions: dims(24) }).success,
    ).toBe(true);
    expect(
      productPricingSchema.safeParse({ model: "saas_subscription", category: "requests", dimensions: dims(25) }).success,
    ).toBe(false);
  });

  it("allows a free trial of 5 to 31 days on hourly models only", () => {
    const hourly = { model: "hourly", dimensions: [{ key: "t3.micro", name: "t3.micro" }] };
    expect(productPricingSchema.safeParse({ ...hourly, freeTrialDays: 5 }).success).toBe(true);
    expect(productPricingSchema.safeParse({ ...hourly, freeTrialDays: 4 }).success).toBe(false);
    expect(productPricingSchema.safeParse({ ...hourly, freeTrialDays: 32 }).success).toBe(false);
    expect(productPricingSchema.safeParse({ model: "monthly", freeTrialDays: 7 }).success).toBe(false);
    expect(
      productPricingSchema.safeParse({ model: "usage", category: "users", dimensions: [{ key: "u", name: "u" }], freeTrialDays: 7 })
        .success,
    ).toBe(false);
  });

  it("refuses repeated dimension keys", () => {
    const result = productPricingSchema.safeParse({
      model: "saas_contract",
      dimensions: [
        { key: "seats", name: "Seats" },
        { key: "seats", name: "Seats again" },
      ],
    });
    expect(result.success).toBe(false);
  });
});

describe("offer prices against the product", () => {
  it("accepts prices for exactly the product's dimensions", () => {
    const pricing = offerPricingSchema.parse({
      model: "hourly_annual",
      hourly: { "m5.large": "0.096", "m5.xlarge": "0.192" },
      annual: { "m5.large": "600" },
    });
    expect(checkPricingCoversProduct(pricing, hourlyProduct)).toEqual([]);
  });

  it("names every missing and unknown dimension", () => {
    const pricing = offerPricingSchema.parse({
      model: "hourly_annual",
      hourly: { "m5.large": "0.096", "c5.large": "0.1" },
      annual: { "r5.large": "100" },
    });
    expect(checkPricingCoversProduct(pricing, hourlyProduct)).toEqual([
      { path: ["pricing", "hourly", "c5.large"], message: "c5.large is not a dimension of this product" },
      { path: ["pricing", "hourly", "m5.xlarge"], message: "A price for m5.xlarge is required" },
      { path: ["pricing", "annual", "r5.large"], message: "r5.large is not a dimension of this product" },
    ]);
  });

  it("refuses a different pricing model", () => {
    const issues = checkPricingCoversProduct(offerPricingSchema.parse({ model: "monthly", monthlyFee: "10" }), hourlyProduct);
    expect(issues[0]?.path).toEqual(["pricing", "model"]);
  });

  it("knows a paid offer from a free one", () => {
    expect(movesMoney({ pricing: offerPricingSchema.parse({ model: "free" }) })).toBe(false);
    expect(movesMoney({ pricing: offerPricingSchema.parse({ model: "usage", rates: { a: "0" } }) })).toBe(false);
    expect(movesMoney({ pricing: offerPricingSchema.parse({ model: "usage", rates: { a: "0.00000001" } }) })).toBe(true);
  });
});
