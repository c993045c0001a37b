import { describe, expect, it } from "vitest";
import { formatUsd, fromUnits, installmentAmountSchema, normalizeDecimal, toUnits, upfrontPriceSchema, usagePriceSchema } from "./money";

describe("money", () => {
  it("keeps exact decimals where binary floats would drift", () => {
    expect(fromUnits(toUnits("0.1") + toUnits("0.2"))).toBe("0.30");
    expect(fromUnits(toUnits("0.00000001") * 3n, 8)).toBe("0.00000003");
    expect(fromUnits(toUnits("9999999999.99999999"))).toBe("9999999999.99999999");
  });

  it("normalises one spelling per amount", () => {
    expect(normalizeDecimal("007.500")).toBe("7.5");
    expect(normalizeDecimal("3.000")).toBe("3");
    expect(normalizeDecimal("0.0")).toBe("0");
  });

  it("allows 8 decimals for usage prices and 3 for upfront prices", () => {
    expect(usagePriceSchema.parse("0.12345678")).toBe("0.12345678");
    expect(usagePriceSchema.safeParse("0.123456789").success).toBe(false);
    expect(upfrontPriceSchema.parse("1200.500")).toBe("1200.5");
    const refused = upfrontPriceSchema.safeParse("1200.5001");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe("An upfront price has at most 3 decimal places");
  });

  it("names the amount as a person would in every message", () => {
    expect(upfrontPriceSchema.safeParse("1,000").error?.issues[0]?.message).toBe(
      "An upfront price is written with digits and at most one decimal point, such as 12.50: no sign, currency or thousands separators",
    );
    expect(installmentAmountSchema.safeParse("10.555").error?.issues[0]?.message).toBe("An installment has at most 2 decimal places");
    expect(usagePriceSchema.safeParse(1).error?.issues[0]?.message).toBe('A usage price is sent as a decimal string such as "12.50", never a number');
  });

  it("refuses floats, negatives, exponents and junk", () => {
    for (const bad of [12.5, -1, "-1", "1e3", "1,000", " 1", "0x10", "", ".5", "5.", "NaN", "12345678901"]) {
      expect(usagePriceSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
    expect(usagePriceSchema.safeParse(12.5).error?.issues[0]?.message).toMatch(/decimal string/);
  });
});

describe("formatUsd", () => {
  it.each([
    ["30000", "30,000.00 USD"],
    ["45.5", "45.50 USD"],
    ["0.0004", "0.0004 USD"],
    ["100000000", "100,000,000.00 USD"],
    ["999.999", "999.999 USD"],
    ["0", "0.00 USD"],
  ])("writes %s as %s", (amount, shown) => {
    expect(formatUsd(amount)).toBe(shown);
  });

  it.each([
    ["45.5", "$45.50"],
    ["30000", "$30,000.00"],
    ["1234567.891", "$1,234,567.891"],
    ["0.00012345", "$0.00012345"],
  ])("writes %s with the dollar sign as %s", (amount, shown) => {
    expect(formatUsd(amount, "symbol")).toBe(shown);
  });

  it("refuses what is not a decimal string rather than guess", () => {
    expect(() => formatUsd("30,000.00", "symbol")).toThrow(RangeError);
    expect(() => formatUsd("-1")).toThrow(RangeError);
  });
});
