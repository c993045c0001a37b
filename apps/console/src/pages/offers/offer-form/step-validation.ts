import { agreementTermSchema, calendarDateSchema, grantedQuantitySchema, offerDescriptionSchema, offerNameSchema, refundPolicySchema, termRequirements, type Product } from "@offerkit/sdk";
import type { FieldErrors } from "../../../errors";
import { parseAmount } from "./amount-input";
import { agreementOf, durationUnitOf } from "./agreement-length";
import { buyerAccountsIssues } from "./buyer-accounts";
import { STEPS, type StepName } from "./form-steps";
import { scheduledTableOf } from "./granted-quantities";
import { installmentsIssues } from "./installments";
import type { OfferFormValues } from "./offer-form-values";
import { priceRuleOf, priceTablesOf } from "./pricing-fields";

/** The first message of a zod-like check, or undefined when the value passes. */
function firstIssue(check: { success: true } | { success: false; error: { issues: readonly { message: string }[] } }): string | undefined {
  return check.success ? undefined : (check.error.issues[0]?.message ?? "This value is not accepted");
}

/**
 * A text term: missing is an error only when `required`; typed, it must meet its schema. The
 * schema's error wins over the requirement, so both never show.
 */
function textIssue(text: string, schema: { safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly { message: string }[] } } }, missing: string, required: boolean): string | undefined {
  if (text.trim() === "") return required ? missing : undefined;
  return firstIssue(schema.safeParse(text));
}

function collect(entries: [string, string | undefined][]): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of entries) if (message !== undefined) errors[path] = message;
  return errors;
}

function productIssues(values: OfferFormValues, required: boolean): FieldErrors {
  return collect([
    ["productId", values.productId === "" && required ? "Choose the product this offer is for" : undefined],
    ["name", textIssue(values.name, offerNameSchema, termRequirements.name, required)],
    ["description", textIssue(values.description, offerDescriptionSchema, termRequirements.description, required)],
  ]);
}

const WHOLE_NUMBER = /^\d+$/;

/**
 * Every price cell of the product's tables read as an amount with its table's rule, and, paid in
 * installments, the granted quantities (whole numbers) and the schedule's rows. A missing price
 * is named only when `required`, in the words the server uses.
 */
function priceIssues(values: OfferFormValues, product: Pick<Product, "pricing">, required: boolean): FieldErrors {
  const { pricing } = product;
  const entries: [string, string | undefined][] = [];
  const scheduled = values.payment === "installments" ? scheduledTableOf(pricing) : null;
  const amountIssue = (cell: string, dimension: string, needed: boolean) => {
    const parsed = parseAmount(values.prices[cell] ?? "", priceRuleOf(cell));
    if (parsed.kind === "refused") return parsed.message;
    return parsed.kind === "empty" && needed && required ? `A price for ${dimension} is required` : undefined;
  };
  if (pricing.model === "monthly") entries.push(["pricing.monthlyFee", amountIssue("monthlyFee", "the month", true)]);
  for (const table of priceTablesOf(pricing)) {
    for (const dimension of pricing.dimensions) {
      if (scheduled?.priceKey === table.key) {
        const quantity = (values.prices[`quantity.${dimension.key}`] ?? "").trim();
        const checked = quantity === "" ? undefined : firstIssue(grantedQuantitySchema.safeParse(WHOLE_NUMBER.test(quantity) ? Number(quantity) : quantity));
        entries.push([`pricing.${scheduled.quantityField}.${dimension.key}`, checked]);
      } else {
        entries.push([`pricing.${table.key}.${dimension.key}`, amountIssue(`${table.key}.${dimension.key}`, dimension.key, table.everyDimension)]);
      }
    }
  }
  const errors = collect(entries);
  return values.payment === "installments" ? { ...errors, ...installmentsIssues(values.installments, required) } : errors;
}

function termsIssues(values: OfferFormValues, product: Pick<Product, "pricing">, required: boolean): FieldErrors {
  const unit = durationUnitOf(product.pricing.model);
  const entries: [string, string | undefined][] = [];
  const agreement = agreementOf(values, unit);
  if (agreement === undefined) {
    entries.push([values.agreementKind === "duration" ? "agreement.duration" : "agreement.endDate", required ? termRequirements.agreement : undefined]);
  } else if (agreement.kind === "duration") {
    const typed = (unit === "months" ? values.months : values.days).trim();
    const wrong = firstIssue(agreementTermSchema.safeParse(agreement));
    // Core's pattern speaks ISO 8601 (P12M); a rep typed a number of months or days.
    entries.push(["agreement.duration", WHOLE_NUMBER.test(typed) && !/^0+$/.test(typed) ? wrong : `Type a whole number of ${unit}, e.g. ${unit === "months" ? "12" : "365"}`]);
  } else {
    entries.push(["agreement.endDate", firstIssue(calendarDateSchema.safeParse(agreement.endDate))]);
  }
  entries.push(["acceptanceDeadline", textIssue(values.acceptanceDeadline, calendarDateSchema, termRequirements.acceptanceDeadline, required)]);
  entries.push(["refundPolicy", textIssue(values.refundPolicy, refundPolicySchema, termRequirements.refundPolicy, false)]);
  return collect(entries);
}

/**
 * What is wrong with one step's fields by core's rules, keyed by the paths the server uses
 * (`buyerAccounts.1`, `pricing.contract.seats`, `installments.0.amount`), so the form's own
 * findings and the server's land on the same fields. With `required` (the rep moves on) a
 * missing term is named too; without (a field was left) only what is typed is judged.
 */
export function stepIssues(step: StepName, values: OfferFormValues, product: Pick<Product, "pricing"> | undefined, required: boolean): FieldErrors {
  switch (step) {
    case "Product":
      return productIssues(values, required);
    case "Buyers":
      return buyerAccountsIssues(values.buyerAccounts, required);
    case "Prices":
      return product ? priceIssues(values, product, required) : {};
    case "EULA":
      return values.eula === null && required ? { eulaSha256: termRequirements.eulaSha256 } : {};
    case "Terms":
      return product ? termsIssues(values, product, required) : {};
    case "Review":
      return {};
  }
}

/**
 * Every step's findings: steps the rep has moved on from (`attempted`) name what is missing,
 * the others only what is typed wrong.
 */
export function formIssues(values: OfferFormValues, product: Pick<Product, "pricing"> | undefined, attempted: ReadonlySet<StepName>): FieldErrors {
  return Object.assign({}, ...STEPS.map((step) => stepIssues(step, values, product, attempted.has(step)))) as FieldErrors;
}

/** Whether `path` is the field `field` or one of its parts (`installments.0.amount` is under `installments`). */
export function isUnder(path: string, field: string): boolean {
  return path === field || path.startsWith(`${field}.`);
}

/**
 * The errors with those under `field` replaced by the fresh findings under it: what a field
 * shows once it is left, or a step once the rep tries to move on.
 */
export function replaceFieldErrors(errors: FieldErrors, field: string, fresh: FieldErrors): FieldErrors {
  const kept = Object.entries(errors).filter(([path]) => !isUnder(path, field));
  const found = Object.entries(fresh).filter(([path]) => isUnder(path, field));
  return Object.fromEntries([...kept, ...found]);
}

/**
 * The errors as a field is edited: each under `field` stays only while the fresh findings still
 * have it (its mark clears once fixed, the server's too, since only the server can judge it
 * again), and nothing new is added while the rep is typing.
 */
export function recheckFieldErrors(errors: FieldErrors, field: string, fresh: FieldErrors): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).flatMap(([path, message]): [string, string][] => {
      if (!isUnder(path, field)) return [[path, message]];
      const still = fresh[path];
      return still === undefined ? [] : [[path, still]];
    }),
  );
}

/** The fields of the form a value of `OfferFormValues` feeds, as error paths. */
export const FIELDS_OF_VALUE: Record<keyof OfferFormValues, readonly string[]> = {
  productId: ["productId"],
  name: ["name"],
  description: ["description"],
  buyerAccounts: ["buyerAccounts"],
  prices: ["pricing"],
  payment: ["pricing", "installments"],
  eula: ["eulaSha256"],
  agreementKind: ["agreement"],
  months: ["agreement"],
  days: ["agreement"],
  endDate: ["agreement"],
  acceptanceDeadline: ["acceptanceDeadline"],
  refundPolicy: ["refundPolicy"],
  installments: ["installments"],
};

/** The fields each step holds, as error paths. */
export const FIELDS_OF_STEP: Record<StepName, readonly string[]> = {
  Product: ["productId", "name", "description"],
  Buyers: ["buyerAccounts"],
  Prices: ["pricing", "installments"],
  EULA: ["eulaSha256"],
  Terms: ["agreement", "acceptanceDeadline", "refundPolicy"],
  Review: [],
};
