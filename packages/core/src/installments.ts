import { z } from "zod";
import { addDays, addUtcMonths, calendarDateSchema } from "./dates";
import type { FieldIssue } from "./errors";
import { fromUnits, installmentAmountSchema, isPositive, toUnits } from "./money";
import type { OfferPricing } from "./pricing";

export const MAX_INSTALLMENTS = 60;

export const installmentSchema = z.strictObject({
  chargeDate: calendarDateSchema.describe("The UTC day the buyer is invoiced this installment"),
  amount: installmentAmountSchema,
});
export type Installment = z.infer<typeof installmentSchema>;

/** A flexible payment schedule: 1 to 60 charges on distinct days, kept in date order. */
export const installmentsSchema = z
  .array(installmentSchema)
  .min(1, "A payment schedule has at least one installment")
  .max(MAX_INSTALLMENTS, `A payment schedule has at most ${MAX_INSTALLMENTS} installments`)
  .superRefine((installments, context) => {
    const seen = new Set<string>();
    installments.forEach((installment, index) => {
      if (seen.has(installment.chargeDate)) {
        context.addIssue({ code: "custom", path: [index, "chargeDate"], message: `Two installments fall on ${installment.chargeDate}; each needs its own day` });
      }
      seen.add(installment.chargeDate);
    });
  })
  .transform((installments) => installments.toSorted((a, b) => a.chargeDate.localeCompare(b.chargeDate)))
  .describe("Optional: when and how much the buyer pays, instead of all at once");

type AgreementTerm = { kind: "duration"; duration: string } | { kind: "endDate"; endDate: string };

/**
 * The earliest day the agreement can end: its end date, or today plus its duration (it starts
 * when the buyer accepts, which is today at the soonest).
 */
function earliestEnd(agreement: AgreementTerm, today: string): string {
  if (agreement.kind === "endDate") return agreement.endDate;
  const amount = Number(agreement.duration.slice(1, -1));
  const start = new Date(`${today}T00:00:00Z`);
  const end = agreement.duration.endsWith("M") ? addUtcMonths(start, amount) : addDays(start, amount);
  return end.toISOString().slice(0, 10);
}

/** The models whose private offers may be paid in installments (the flexible payment scheduler). */
const SCHEDULED_MODELS = new Set(["saas_contract", "hourly_annual"]);

/**
 * The prices and granted quantities a schedule replaces: a contract's per-dimension prices, or
 * the annual prices of an hourly + annual offer. The marketplace sends them as a fixed upfront
 * term of price 0 that grants a quantity of each, and the schedule carries the money.
 */
function scheduledParts(pricing: OfferPricing): { field: string; prices: Record<string, string>; quantityField: string; quantities: Record<string, number> | undefined } | null {
  if (pricing.model === "saas_contract") return { field: "contract", prices: pricing.contract, quantityField: "quantities", quantities: pricing.quantities };
  if (pricing.model === "hourly_annual") return { field: "annual", prices: pricing.annual, quantityField: "annualQuantities", quantities: pricing.annualQuantities };
  return null;
}

function checkGrants(pricing: OfferPricing, hasSchedule: boolean): FieldIssue[] {
  const parts = scheduledParts(pricing);
  if (parts === null) return [];
  const { field, prices, quantityField, quantities } = parts;
  if (!hasSchedule) {
    return quantities === undefined ? [] : [{ path: ["pricing", quantityField], message: "Granted quantities go with a payment schedule only" }];
  }
  const issues: FieldIssue[] = [];
  for (const [key, price] of Object.entries(prices)) {
    if (isPositive(price)) {
      issues.push({ path: ["pricing", field, key], message: "With a payment schedule this price is 0: the schedule carries the money" });
    }
    if (quantities?.[key] === undefined) {
      issues.push({ path: ["pricing", quantityField, key], message: `With a payment schedule, say how many of ${key} the buyer gets for the term` });
    }
  }
  for (const key of Object.keys(quantities ?? {})) {
    if (!(key in prices)) issues.push({ path: ["pricing", quantityField, key], message: `${key} has no ${field} price in this offer` });
  }
  return issues;
}

/**
 * The marketplace's rules for a payment schedule, checked when the offer is sent: contracts and
 * hourly + annual offers only, with a fixed quantity granted for the term; every charge ahead,
 * before the agreement ends, and at most one by the acceptance deadline.
 */
export function checkInstallments(
  installments: Installment[] | undefined,
  context: { pricing: OfferPricing | undefined; agreement: AgreementTerm | undefined; acceptanceDeadline: string | undefined; today: string },
): FieldIssue[] {
  const issues: FieldIssue[] = context.pricing ? checkGrants(context.pricing, installments !== undefined) : [];
  if (installments === undefined) return issues;
  if (context.pricing && !SCHEDULED_MODELS.has(context.pricing.model)) {
    issues.push({ path: ["installments"], message: "Only SaaS contract and hourly + annual offers may be paid in installments" });
  }
  const end = context.agreement ? earliestEnd(context.agreement, context.today) : undefined;
  installments.forEach((installment, index) => {
    if (installment.chargeDate < context.today) {
      issues.push({ path: ["installments", index, "chargeDate"], message: `${installment.chargeDate} has passed (today is ${context.today} UTC)` });
    } else if (end !== undefined && installment.chargeDate >= end) {
      issues.push({ path: ["installments", index, "chargeDate"], message: `${installment.chargeDate} is not before the agreement ends (${end} at the earliest)` });
    }
  });
  const { acceptanceDeadline } = context;
  if (acceptanceDeadline !== undefined && installments.filter((installment) => installment.chargeDate <= acceptanceDeadline).length > 1) {
    issues.push({ path: ["installments"], message: `At most one installment may fall on or before the acceptance deadline (${acceptanceDeadline})` });
  }
  return issues;
}

/** What the buyer pays over the schedule, a decimal string in USD with cents ("60000.00"). */
export function installmentsTotal(installments: readonly Installment[]): string {
  return fromUnits(installments.reduce((sum, installment) => sum + toUnits(installment.amount), 0n), 2);
}
