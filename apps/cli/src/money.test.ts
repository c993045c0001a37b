import { describe, expect, it } from "vitest";
import { usd } from "./money";

describe("usd", () => {
  it.each([
    ["45.5", "$45.50"],
    ["30000", "$30,000.00"],
    ["105250.50", "$105,250.50"],
    ["0.0004", "$0.0004"],
    ["0", "$0.00"],
  ])("shows %s as %s", (amount, shown) => {
    expect(usd(amount)).toBe(shown);
  });

  it("shows what is not a decimal string as it came, with the currency", () => {
    expect(usd("30,000.00")).toBe("30,000.00 USD");
  });
});
