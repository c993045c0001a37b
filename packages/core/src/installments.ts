import { z } from "zod";
import { addDays, addUtcMonths, calendarDateSchema } from "./dates";
import type { FieldIssue } from "./errors";
import { installmentAmountSchema } from "./money";
import { isPaid, type OfferPricing } from "./pricing";

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

/** The marketplace's rules for a payment schedule, checked when the offer is sent. */
export function checkInstallments(
  installments: Installment[],
  context: { pricing: OfferPricing | undefined; agreement: AgreementTerm | undefined; acceptanceDeadline: string | undefined; today: string },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (context.pricing && !isPaid(context.pricing)) {
    issues.push({ path: ["installments"], message: "Only a paid offer has a payment schedule" });
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
