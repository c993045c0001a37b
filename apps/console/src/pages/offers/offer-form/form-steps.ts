import type { FieldErrors } from "../../../errors";

/** The form's steps, in order; the index of a step is its place in the navigation. */
export const STEPS = ["Product", "Buyers", "Prices", "EULA", "Terms", "Review"] as const;
export type StepName = (typeof STEPS)[number];

export const PRODUCT_STEP = 0;
export const REVIEW_STEP = STEPS.length - 1;

/**
 * The step holding each top-level field; the rest (agreement, deadline, refunds) are on Terms.
 * The schedule is on Prices: paid in installments, it replaces the upfront prices.
 */
const STEP_OF_FIELD: Partial<Record<string, StepName>> = {
  productId: "Product",
  name: "Product",
  description: "Product",
  buyerAccounts: "Buyers",
  pricing: "Prices",
  installments: "Prices",
  eulaSha256: "EULA",
};

/** Which step shows the field a server error path names (`pricing.contract.seats` -> Prices). */
export function stepOf(path: string): number {
  const field = path.split(".")[0] ?? "";
  return STEPS.indexOf(STEP_OF_FIELD[field] ?? "Terms");
}

/** The steps that hold at least one of the errors, to mark them in the navigation. */
export function stepsWithErrors(errors: FieldErrors): Set<number> {
  return new Set(Object.keys(errors).map(stepOf));
}

/** The earliest step holding one of the errors, where the form goes to show them; undefined when none. */
export function firstStepWithError(errors: FieldErrors): number | undefined {
  const steps = [...stepsWithErrors(errors)];
  return steps.length > 0 ? Math.min(...steps) : undefined;
}

/** A draft whose product is chosen opens on Buyers; a new offer on Product. */
export function openingStep(productId: string): number {
  return productId ? PRODUCT_STEP + 1 : PRODUCT_STEP;
}

/** What the form's primary button does: move on, ask for the product first, or save the terms. */
export type PrimaryAction<P> = { kind: "go"; step: number } | { kind: "needProduct" } | { kind: "save"; product: P };

/**
 * The primary button's action on `step`: nothing moves past Product until a product is chosen,
 * and the terms are saved from Review only (without a product, Review sends the rep back to it).
 */
export function primaryAction<P>(step: number, product: P | undefined): PrimaryAction<P> {
  if (step < REVIEW_STEP) return step === PRODUCT_STEP && product === undefined ? { kind: "needProduct" } : { kind: "go", step: step + 1 };
  return product === undefined ? { kind: "go", step: PRODUCT_STEP } : { kind: "save", product };
}
