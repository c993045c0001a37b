import { describe, expect, it } from "vitest";
import { fieldLabel } from "./field-labels";

describe("fieldLabel", () => {
  it("names every top-level field as the form does", () => {
    expect(fieldLabel(["productId"])).toBe("Product");
    expect(fieldLabel(["name"])).toBe("Offer name");
    expect(fieldLabel(["description"])).toBe("Internal description");
    expect(fieldLabel(["buyerAccounts"])).toBe("Buyer accounts");
    expect(fieldLabel(["pricing"])).toBe("Prices");
    expect(fieldLabel(["eulaSha256"])).toBe("EULA");
    expect(fieldLabel(["agreement"])).toBe("Agreement length");
    expect(fieldLabel(["acceptanceDeadline"])).toBe("Acceptance deadline");
    expect(fieldLabel(["refundPolicy"])).toBe("Refund policy");
    expect(fieldLabel(["installments"])).toBe("Installments");
  });

  it("names a price, a quantity and a table by its dimension", () => {
    expect(fieldLabel(["pricing", "quantities", "seats"])).toBe("Quantity of seats");
    expect(fieldLabel(["pricing", "annualQuantities", "c5.large"])).toBe("Annual quantity of c5.large");
    expect(fieldLabel(["pricing", "contract", "storage_tb"])).toBe("Price of storage_tb");
    expect(fieldLabel(["pricing", "hourly", "m5.large"])).toBe("Hourly price of m5.large");
    expect(fieldLabel(["pricing", "annual", "c5.large"])).toBe("Annual price of c5.large");
    expect(fieldLabel(["pricing", "rates", "requests"])).toBe("Rate of requests");
    expect(fieldLabel(["pricing", "monthlyFee"])).toBe("Monthly fee");
    expect(fieldLabel(["pricing", "model"])).toBe("Pricing model");
    expect(fieldLabel(["pricing", "annual"])).toBe("Annual prices");
    expect(fieldLabel(["pricing", "quantities"])).toBe("Quantities");
  });

  it("counts installments and buyer accounts from 1, as a rep reads the list", () => {
    expect(fieldLabel(["installments", 1, "chargeDate"])).toBe("Installment 2 date");
    expect(fieldLabel(["installments", 0, "amount"])).toBe("Installment 1 amount");
    expect(fieldLabel(["installments", 2])).toBe("Installment 3");
    expect(fieldLabel(["buyerAccounts", 0])).toBe("Buyer account 1");
  });

  it("tells an agreement's end date from its length", () => {
    expect(fieldLabel(["agreement", "endDate"])).toBe("Agreement end date");
    expect(fieldLabel(["agreement", "duration"])).toBe("Agreement length");
  });

  it("falls back to the field's name, or the path as written, for what it does not know", () => {
    expect(fieldLabel(["pricing", "discounts", "seats"])).toBe("Prices");
    expect(fieldLabel(["refundPolicy", "text"])).toBe("Refund policy");
    expect(fieldLabel(["somethingNew", 0])).toBe("somethingNew.0");
    expect(fieldLabel([])).toBe("Offer");
  });
});
