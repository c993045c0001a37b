import { describe, expect, it } from "vitest";
import { money, moneyWithCode } from "./money";

describe("money", () => {
  it.each([
    ["45.5", "$45.50"],
    ["30000", "$30,000.00"],
    ["30000.00", "$30,000.00"],
    ["0.00012345", "$0.00012345"],
    ["1234567.891", "$1,234,567.891"],
    ["0", "$0.00"],
  ])("shows %s as %s, exactly", (amount, shown) => {
    expect(money(amount)).toBe(shown);
  });

  it("shows what is no amount as it came, never a guess", () => {
    expect(money("30,000.00")).toBe("30,000.00");
    expect(money("")).toBe("");
  });

  it("adds the code where a figure is read alone", () => {
    expect(moneyWithCode("5428.5")).toBe("$5,428.50 USD");
    expect(moneyWithCode("45,50")).toBe("45,50");
  });
});
