import { normalizeDecimal, offerPricingSchema, upfrontPriceSchema, usagePriceSchema } from "@offerkit/core";
import { describe, expect, it } from "vitest";
import { canonicalPrice, canonicalPricing } from "./prices";

const wholes = ["0", "00", "7", "007", "10", "1200", "0001200", "9999999999"];
const fractions = ["", ".0", ".00", ".5", ".50", ".500", ".05", ".125", ".1250", ".000", ".00000001", ".12345670"];
const spellings = wholes.flatMap((whole) => fractions.map((fraction) => `${whole}${fraction}`));

describe("canonicalPrice", () => {
  it("spells a price as the API answers with it", () => {
    expect(canonicalPrice("45.500")).toBe("45.5");
    expect(canonicalPrice("045.50")).toBe("45.5");
    expect(canonicalPrice("50000.00")).toBe("50000");
    expect(canonicalPrice("0.50")).toBe("0.5");
    expect(canonicalPrice("000")).toBe("0");
    expect(canonicalPrice("0.00012345")).toBe("0.00012345");
  });

  it("is the server's own rule, for every spelling the server accepts", () => {
    for (const spelling of spellings) {
      expect(canonicalPrice(spelling), spelling).toBe(normalizeDecimal(spelling));
      const usage = usagePriceSchema.safeParse(spelling);
      if (usage.success) expect(canonicalPrice(spelling), spelling).toBe(usage.data);
      const upfront = upfrontPriceSchema.safeParse(spelling);
      if (upfront.success) expect(canonicalPrice(spelling), spelling).toBe(upfront.data);
    }
  });

  it("refuses what is not a price, naming the rule", () => {
    for (const bad of ["", "-1", "1e3", "12,50", " 1", ".5", "5.", "NaN"]) {
      expect(() => canonicalPrice(bad), bad).toThrow(/non-negative decimal string/);
    }
  });
});

describe("canonicalPricing", () => {
  it("answers what the server stores for each pricing model", () => {
    const sent = [
      { model: "free" },
      { model: "byol" },
      { model: "monthly", monthlyFee: "099.90" },
      { model: "hourly", hourly: { "m5.large": "0.1000" } },
      { model: "hourly_annual", hourly: { "c5.large": "0.10" }, annual: { "c5.large": "800.000" } },
      { model: "usage", rates: { users_basic: "1.50" } },
      { model: "saas_subscription", rates: { requests: "0.00010" } },
      { model: "saas_contract", contract: { seats: "45.500", storage_tb: "120" } },
    ] as const;
    for (const pricing of sent) {
      expect(canonicalPricing(pricing), pricing.model).toEqual(offerPricingSchema.parse(pricing));
    }
  });
});
