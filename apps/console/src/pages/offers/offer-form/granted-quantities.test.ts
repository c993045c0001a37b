import { describe, expect, it } from "vitest";
import { paymentOf, quantityOf, scheduledTableOf } from "./granted-quantities";

describe("scheduledTableOf", () => {
  it("replaces a contract's prices and an hourly + annual offer's annual prices", () => {
    expect(scheduledTableOf({ model: "saas_contract" })).toMatchObject({ priceKey: "contract", quantityField: "quantities" });
    expect(scheduledTableOf({ model: "hourly_annual" })).toMatchObject({ priceKey: "annual", quantityField: "annualQuantities" });
  });

  it("has none for the models AWS Marketplace takes no payment schedule for", () => {
    for (const model of ["free", "byol", "monthly", "hourly", "usage", "saas_subscription"] as const) expect(scheduledTableOf({ model })).toBeNull();
  });
});

describe("quantityOf", () => {
  it("reads digits as the whole number they are", () => {
    expect(quantityOf("100")).toBe(100);
    expect(quantityOf("007")).toBe(7);
    expect(quantityOf("0")).toBe(0);
  });

  it("keeps everything else as typed, for the server to say what a quantity is", () => {
    expect(quantityOf("1,000")).toBe("1,000");
    expect(quantityOf("2.5")).toBe("2.5");
    expect(quantityOf("1e3")).toBe("1e3");
    expect(quantityOf("-4")).toBe("-4");
    expect(quantityOf("ten")).toBe("ten");
  });
});

describe("paymentOf", () => {
  const contract = { model: "saas_contract" as const, contract: { seats: "0" } };

  it("pays a new offer and a draft without a schedule at once", () => {
    expect(paymentOf(null)).toBe("atOnce");
    expect(paymentOf({ pricing: contract, installments: null })).toBe("atOnce");
    expect(paymentOf({ pricing: null, installments: null })).toBe("atOnce");
  });

  it("pays a draft with a schedule, or with quantities only a schedule grants, in installments", () => {
    expect(paymentOf({ pricing: contract, installments: [{ chargeDate: "2028-01-15", amount: "10" }] })).toBe("installments");
    expect(paymentOf({ pricing: { ...contract, quantities: { seats: 10 } }, installments: null })).toBe("installments");
    expect(paymentOf({ pricing: { model: "hourly_annual", hourly: {}, annual: { "c5.large": "0" }, annualQuantities: { "c5.large": 2 } }, installments: null })).toBe("installments");
  });
});
