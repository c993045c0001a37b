import { describe, expect, it } from "vitest";
import { PRODUCT_STEP, REVIEW_STEP, STEPS, firstStepWithError, openingStep, primaryAction, stepOf, stepsWithErrors } from "./form-steps";

const step = (name: (typeof STEPS)[number]) => STEPS.indexOf(name);

describe("STEPS", () => {
  it("runs product, buyers, prices, EULA, terms, review, in that order", () => {
    expect(STEPS).toEqual(["Product", "Buyers", "Prices", "EULA", "Terms", "Review"]);
    expect(PRODUCT_STEP).toBe(0);
    expect(REVIEW_STEP).toBe(5);
  });
});

describe("stepOf", () => {
  it("finds the step of each field the server may name", () => {
    expect(stepOf("productId")).toBe(step("Product"));
    expect(stepOf("name")).toBe(step("Product"));
    expect(stepOf("description")).toBe(step("Product"));
    expect(stepOf("buyerAccounts.1")).toBe(step("Buyers"));
    expect(stepOf("pricing.contract.seats")).toBe(step("Prices"));
    expect(stepOf("pricing")).toBe(step("Prices"));
    expect(stepOf("eulaSha256")).toBe(step("EULA"));
    expect(stepOf("agreement.duration")).toBe(step("Terms"));
    expect(stepOf("acceptanceDeadline")).toBe(step("Terms"));
    expect(stepOf("refundPolicy")).toBe(step("Terms"));
    expect(stepOf("installments.0.amount")).toBe(step("Prices"));
    expect(stepOf("installments")).toBe(step("Prices"));
    expect(stepOf("pricing.quantities.seats")).toBe(step("Prices"));
  });

  it("matches whole field names, not their beginnings", () => {
    expect(stepOf("names")).toBe(step("Terms"));
    expect(stepOf("pricingModel")).toBe(step("Terms"));
  });
});

describe("stepsWithErrors and firstStepWithError", () => {
  it("mark each step holding an error once, and go to the earliest", () => {
    const errors = { refundPolicy: "A paid offer needs a refund policy", "buyerAccounts.1": "An account ID is exactly 12 digits", "buyerAccounts.2": "Account 012345678901 is listed twice" };
    expect([...stepsWithErrors(errors)].sort()).toEqual([step("Buyers"), step("Terms")]);
    expect(firstStepWithError(errors)).toBe(step("Buyers"));
  });

  it("mark nothing and go nowhere without errors", () => {
    expect(stepsWithErrors({}).size).toBe(0);
    expect(firstStepWithError({})).toBeUndefined();
  });

  it("go to Prices for a schedule's error, before Terms", () => {
    expect(firstStepWithError({ refundPolicy: "A paid offer needs a refund policy", "installments.1.chargeDate": "2027-01-01 has passed" })).toBe(step("Prices"));
  });

  it("go to the product step for an error there, before any other", () => {
    expect(firstStepWithError({ refundPolicy: "A refund policy has 1 to 500 characters", name: "A name is required" })).toBe(step("Product"));
  });
});

describe("openingStep", () => {
  it("opens a new offer on Product and a draft, whose product is fixed, on Buyers", () => {
    expect(openingStep("")).toBe(step("Product"));
    expect(openingStep("prod_123")).toBe(step("Buyers"));
  });
});

describe("primaryAction", () => {
  const product = { id: "prod_123" };

  it("moves to the next step from every step before Review", () => {
    for (let at = 0; at < REVIEW_STEP; at += 1) expect(primaryAction(at, product)).toEqual({ kind: "go", step: at + 1 });
  });

  it("asks for the product before leaving Product without one", () => {
    expect(primaryAction(PRODUCT_STEP, undefined)).toEqual({ kind: "needProduct" });
  });

  it("moves on from a later step without a product, as a draft whose product is gone opens on Buyers", () => {
    expect(primaryAction(step("Buyers"), undefined)).toEqual({ kind: "go", step: step("Prices") });
  });

  it("saves from Review with the chosen product", () => {
    expect(primaryAction(REVIEW_STEP, product)).toEqual({ kind: "save", product });
  });

  it("sends the rep back to Product from Review when no product is chosen", () => {
    expect(primaryAction(REVIEW_STEP, undefined)).toEqual({ kind: "go", step: PRODUCT_STEP });
  });
});
