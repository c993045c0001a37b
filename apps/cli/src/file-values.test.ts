import { describe, expect, it } from "vitest";
import { readFileValues } from "./file-values";

describe("readFileValues", () => {
  it("reads mappings, lists and quoted text; dates stay text", () => {
    const yaml = 'name: Acme\naccounts: ["012345678901"]\ndeadline: 2027-12-31\npricing: { contract: { seats: "12.50" } }\n';
    expect(readFileValues(yaml, "YAML")).toEqual({
      value: { name: "Acme", accounts: ["012345678901"], deadline: "2027-12-31", pricing: { contract: { seats: "12.50" } } },
      problems: [],
    });
  });

  it("refuses an unquoted price, showing it as written and as YAML reads it", () => {
    const { value, problems } = readFileValues("pricing:\n  contract:\n    seats: 12.50\n    storage_tb: 0.1\n    extra: 100\n", "YAML");
    expect(value).toBeNull();
    expect(problems).toEqual([
      'pricing.contract.seats: quote the price ("12.50"); unquoted, YAML reads it as the floating-point number 12.5',
      'pricing.contract.storage_tb: quote the price ("0.1"); unquoted, YAML reads it as a floating-point number',
      'pricing.contract.extra: quote the price ("100"); unquoted, YAML reads it as a number',
    ]);
  });

  it("refuses an unquoted account ID, which would lose its leading zero", () => {
    expect(readFileValues("buyerAccounts:\n  - 012345678901\n", "YAML").problems).toEqual([
      'buyerAccounts.0: quote the value ("012345678901"); unquoted, YAML reads it as the number 12345678901',
    ]);
  });

  it("reads an unquoted whole number as its digits where a count may stand, and refuses any other number there", () => {
    const countsAt = (path: readonly (string | number)[]) => path[0] === "quantities";
    expect(readFileValues("quantities: { seats: 100, gpus: 007 }\n", "YAML", { countsAt })).toEqual({ value: { quantities: { seats: "100", gpus: "007" } }, problems: [] });
    expect(readFileValues("quantities: { seats: 2.5, gpus: 1e3, tb: 0x10 }\n", "YAML", { countsAt }).problems).toEqual([
      "quantities.seats: expected a whole number such as 100, found 2.5",
      "quantities.gpus: expected a whole number such as 100, found 1e3",
      "quantities.tb: expected a whole number such as 100, found 0x10",
    ]);
    expect(readFileValues("price: 100\n", "YAML", { countsAt }).problems).toEqual(['price: quote the value ("100"); unquoted, YAML reads it as a number']);
  });

  it("asks for an installment's amount to be quoted as an amount", () => {
    expect(readFileValues("installments:\n  - { chargeDate: 2027-01-15, amount: 30000.00 }\n", "YAML").problems).toEqual([
      'installments.0.amount: quote the amount ("30000.00"); unquoted, YAML reads it as the number 30000',
    ]);
  });

  it("refuses numbers in JSON too, naming JSON", () => {
    expect(readFileValues('{ "pricing": { "monthlyFee": 9.99 } }', "JSON").problems).toEqual([
      'pricing.monthlyFee: quote the price ("9.99"); unquoted, JSON reads it as a floating-point number',
    ]);
  });

  it("reads tab-indented JSON", () => {
    expect(readFileValues('{\n\t"name": "Acme",\n\t"buyerAccounts": ["012345678901"]\n}', "JSON").value).toEqual({
      name: "Acme",
      buyerAccounts: ["012345678901"],
    });
  });

  it("keeps a numeric key as written", () => {
    expect(readFileValues('rates: { 1.50: "2" }', "YAML").value).toEqual({ rates: { "1.50": "2" } });
  });

  it("refuses empty values and booleans", () => {
    expect(readFileValues("refundPolicy:\nname: true\n", "YAML").problems).toEqual(["refundPolicy: has no value", "name: expected text, found true"]);
  });

  it("reports a syntax error in one line", () => {
    const { problems } = readFileValues("name: [unclosed\n", "YAML");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/line \d+, column \d+:$/);
  });

  it("cannot be led to set an object's prototype", () => {
    const { value } = readFileValues('{ "__proto__": { "polluted": "yes" } }', "JSON");
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});
