import { describe, expect, it } from "vitest";
import { UsageError } from "./errors";
import { parseOfferFile } from "./offer-file";

const full = `
productId: prod-abcdefghij12
name: Acme, three years
description: Approved by the VP of sales
buyerAccounts: ["012345678901", "210987654321"]
pricing:
  model: saas_contract
  contract: { seats: "45.50", storage_tb: "120" }
eulaFile: ../pdfs/eula.pdf
agreement: { kind: duration, duration: P36M }
acceptanceDeadline: 2027-12-31
refundPolicy: Write to refunds@acme.example.
idempotencyKey: acme-2027-draft-1
`;

function problemOf(text: string, path = "offer.yaml"): string {
  try {
    parseOfferFile(text, path, "/work");
  } catch (error) {
    if (error instanceof UsageError) return [error.message, ...error.details].join("\n");
    throw error;
  }
  throw new Error("the file was accepted");
}

describe("parseOfferFile", () => {
  it("reads every field of the API's create input, with eulaFile next to the file", () => {
    expect(parseOfferFile(full, "offers/acme.yaml", "/work")).toEqual({
      product: "prod-abcdefghij12",
      name: "Acme, three years",
      description: "Approved by the VP of sales",
      buyerAccounts: ["012345678901", "210987654321"],
      pricing: { model: "saas_contract", contract: { seats: "45.50", storage_tb: "120" } },
      eulaFile: "/work/pdfs/eula.pdf",
      agreement: { kind: "duration", duration: "P36M" },
      acceptanceDeadline: "2027-12-31",
      refundPolicy: "Write to refunds@acme.example.",
      idempotencyKey: "acme-2027-draft-1",
    });
  });

  it("takes a product by ASIN and a JSON file", () => {
    const json = JSON.stringify({ asin: "B00635Y2IW", pricing: { model: "hourly_annual", hourly: { "c5.large": "0.1" }, annual: { "c5.large": "800" } } });
    expect(parseOfferFile(json, "offer.json", "/work")).toEqual({
      product: "B00635Y2IW",
      pricing: { model: "hourly_annual", hourly: { "c5.large": "0.1" }, annual: { "c5.large": "800" } },
    });
  });

  it("reads a payment schedule and the quantities it grants, quantities as whole numbers, quoted or not", () => {
    const yaml = `
asin: B00635Y2IW
pricing:
  model: saas_contract
  contract: { seats: "0", storage_tb: "0" }
  quantities: { seats: 250, storage_tb: "40" }
installments:
  - { chargeDate: 2027-01-15, amount: "60000.00" }
  - chargeDate: 2028-01-15
    amount: "60000.00"
`;
    expect(parseOfferFile(yaml, "offer.yaml", "/work")).toEqual({
      product: "B00635Y2IW",
      pricing: { model: "saas_contract", contract: { seats: "0", storage_tb: "0" }, quantities: { seats: 250, storage_tb: 40 } },
      installments: [
        { chargeDate: "2027-01-15", amount: "60000.00" },
        { chargeDate: "2028-01-15", amount: "60000.00" },
      ],
    });
  });

  it("reads the annual quantities of an hourly + annual offer", () => {
    const json = JSON.stringify({ pricing: { model: "hourly_annual", hourly: { "c5.large": "0.1" }, annual: { "c5.large": "0" }, annualQuantities: { "c5.large": 3 } } });
    expect(parseOfferFile(json, "offer.json", "/work").pricing).toEqual({ model: "hourly_annual", hourly: { "c5.large": "0.1" }, annual: { "c5.large": "0" }, annualQuantities: { "c5.large": 3 } });
  });

  it("refuses a YAML float price, telling to quote it", () => {
    expect(problemOf("pricing:\n  model: saas_contract\n  contract:\n    seats: 12.50\n")).toBe(
      'offer.yaml: pricing.contract.seats: quote the price ("12.50"); unquoted, YAML reads it as the floating-point number 12.5',
    );
  });

  it("names every problem at once, each on its own line", () => {
    expect(problemOf("asin: B00635Y2IW\nproductId: prod-x\ncolour: red\nbuyerAccounts: 012345678901x\nagreement: { kind: forever }\n")).toBe(
      [
        "offer.yaml: 4 problems",
        "colour: unknown field (expected productId, asin, name, description, eulaSha256, acceptanceDeadline, refundPolicy, idempotencyKey, eulaFile, buyerAccounts, pricing, agreement, installments)",
        "productId, asin: give one of them, not both",
        "buyerAccounts: expected a list",
        "agreement.kind: expected duration or endDate",
      ].join("\n"),
    );
  });

  it.each([
    ["pricing: { model: gratis }", "pricing.model: expected one of free, byol, hourly, hourly_annual, monthly, usage, saas_subscription, saas_contract"],
    ["pricing: { model: saas_contract }", "pricing.contract: required"],
    ["pricing: { model: free, contract: {} }", "pricing.contract: unknown field (expected model)"],
    ["pricing: { model: monthly }", "pricing.monthlyFee: required"],
    ["pricing: { model: usage, rates: [1] }", 'pricing.rates.0: quote the price ("1"); unquoted, YAML reads it as a number'],
    ['pricing: { model: usage, rates: ["1"] }', "pricing.rates: expected a mapping of dimension keys to prices"],
    ["agreement: { kind: endDate }", "agreement.endDate: required"],
    ["pricing: { model: saas_contract, contract: {}, quantities: { seats: 1.5 } }", "pricing.quantities.seats: expected a whole number such as 100, found 1.5"],
    ['pricing: { model: saas_contract, contract: {}, quantities: { seats: "1,000" } }', "pricing.quantities.seats: expected a whole number such as 100, found 1,000"],
    ["pricing: { model: saas_contract, contract: {}, quantities: [1] }", "pricing.quantities: expected a mapping of dimension keys to whole numbers"],
    ["pricing: { model: hourly, hourly: {}, annualQuantities: {} }", "pricing.annualQuantities: unknown field (expected model, hourly)"],
    ["pricing: { model: usage, rates: {}, quantities: { hosts: 1 } }", "pricing.quantities: unknown field (expected model, rates)"],
    ['installments: { chargeDate: 2027-01-15, amount: "1" }', "installments: expected a list of { chargeDate, amount }"],
    ['installments: [{ date: 2027-01-15, amount: "1" }]', "2 problems\ninstallments.0.date: unknown field (expected chargeDate, amount)\ninstallments.0.chargeDate: required"],
    ["installments: [{ chargeDate: 2027-01-15, amount: 100 }]", 'installments.0.amount: quote the amount ("100"); unquoted, YAML reads it as a number'],
    ["eulaFile: a.pdf\neulaSha256: abc", "eulaFile, eulaSha256: give one of them, not both"],
    ["- a\n- b", "expected a mapping of offer fields, e.g. name: ..."],
    ["", "expected a mapping of offer fields, e.g. name: ..."],
  ])("refuses %j", (text, problem) => {
    expect(problemOf(text)).toBe(`offer.yaml: ${problem}`);
  });
});
