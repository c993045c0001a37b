import { installmentAmountSchema, upfrontPriceSchema, usagePriceSchema } from "@offerkit/sdk";
import { describe, expect, it } from "vitest";
import { amountToSend, parseAmount } from "./amount-input";

describe("parseAmount", () => {
  it.each([
    ["30000", "30000", "$30,000.00"],
    ["30,000.00", "30000.00", "$30,000.00"],
    ["30 000", "30000", "$30,000.00"],
    ["30\u00a0000,50".replace(",", "."), "30000.50", "$30,000.50"],
    ["$30,000", "30000", "$30,000.00"],
    ["$ 30,000.5", "30000.5", "$30,000.50"],
    ["30000.5", "30000.5", "$30,000.50"],
    ["30000.00 USD", "30000.00", "$30,000.00"],
    ["USD 45.50", "45.50", "$45.50"],
    ["1,234,567.89", "1234567.89", "$1,234,567.89"],
    [".5", "0.5", "$0.50"],
    ["  120 ", "120", "$120.00"],
    ["0", "0", "$0.00"],
  ])("reads %j as %s (%s)", (typed, value, shown) => {
    expect(parseAmount(typed, upfrontPriceSchema)).toEqual({ kind: "amount", value, shown });
  });

  it.each([
    ["30,00", /ambiguous/],
    ["1,5", /ambiguous/],
    ["30.000,00", /cents after a point/],
    ["1.000.000", /at most one decimal point/],
    ["30,0000", /ambiguous/],
    ["1,000 000", /ambiguous/],
    ["-30", /negative/],
    ["$-30", /negative/],
    ["(30.00)", /negative/],
    ["€30", /US dollars/],
    ["1e3", /US dollars/],
    ["thirty", /US dollars/],
    ["30.", /Add the cents/],
    ["$", /digits/],
  ])("refuses %j, saying why", (typed, message) => {
    const parsed = parseAmount(typed, upfrontPriceSchema);
    expect(parsed.kind).toBe("refused");
    expect(parsed.kind === "refused" ? parsed.message : "").toMatch(message);
  });

  it("applies the field's own rule in core's words: cents for an installment, 3 decimals upfront, 8 for usage", () => {
    expect(parseAmount("30,000.005", installmentAmountSchema)).toEqual({ kind: "refused", message: "An installment has at most 2 decimal places" });
    expect(parseAmount("0", installmentAmountSchema)).toEqual({ kind: "refused", message: "An installment is more than 0 USD" });
    expect(parseAmount("1.0001", upfrontPriceSchema)).toEqual({ kind: "refused", message: "An upfront price has at most 3 decimal places" });
    expect(parseAmount("0.00012345", usagePriceSchema)).toEqual({ kind: "amount", value: "0.00012345", shown: "$0.00012345" });
    expect(parseAmount("99,999,999,999", upfrontPriceSchema)).toEqual({ kind: "refused", message: "An upfront price is less than $10,000,000,000" });
  });

  it("is empty when nothing but spaces was typed", () => {
    expect(parseAmount("   ", upfrontPriceSchema)).toEqual({ kind: "empty" });
  });
});

describe("amountToSend", () => {
  it("sends what it understood, or what was typed for the server to name", () => {
    expect(amountToSend("30,000.00", installmentAmountSchema)).toBe("30000.00");
    expect(amountToSend(" 30,00 ", installmentAmountSchema)).toBe("30,00");
  });
});
