import type { OfferView, Product } from "@offerkit/sdk";

export type AgreementTerm = NonNullable<OfferView["agreement"]>;

/**
 * What an agreement's length is counted in: AWS Marketplace runs a contract whole months (or,
 * paid in installments, to a date) and every hourly or metered offer whole days.
 */
export type DurationUnit = "months" | "days";

export function durationUnitOf(model: Product["pricing"]["model"]): DurationUnit {
  return model === "saas_contract" ? "months" : "days";
}

/** How the agreement length is typed: a number of months or days, or an end date from a date picker. */
export interface AgreementInputs {
  agreementKind: "duration" | "endDate";
  months: string;
  days: string;
  endDate: string;
}

/** A new offer runs a year unless the rep says otherwise. */
const DEFAULT_MONTHS = "12";
const DEFAULT_DAYS = "365";

/**
 * The agreement the inputs describe, or undefined when the chosen kind is left empty. The number
 * is sent as typed inside `P<n>M` or `P<n>D`, for the server to refuse what is not a whole number.
 */
export function agreementOf(inputs: AgreementInputs, unit: DurationUnit = "months"): AgreementTerm | undefined {
  if (inputs.agreementKind === "duration") {
    const amount = (unit === "months" ? inputs.months : inputs.days).trim();
    return amount ? { kind: "duration", duration: `P${amount}${unit === "months" ? "M" : "D"}` } : undefined;
  }
  return inputs.endDate ? { kind: "endDate", endDate: inputs.endDate } : undefined;
}

/**
 * The inputs for a draft's agreement. A draft without one starts a year long; a duration in the
 * other unit (written before the marketplace's rules) leaves that unit's box empty rather than
 * guess a conversion.
 */
export function agreementInputsOf(agreement: AgreementTerm | null): AgreementInputs {
  const duration = agreement?.kind === "duration" ? agreement.duration : undefined;
  const amount = (suffix: string, fallback: string) => (duration === undefined ? fallback : duration.endsWith(suffix) ? duration.slice(1, -1) : "");
  return {
    agreementKind: agreement?.kind ?? "duration",
    months: amount("M", DEFAULT_MONTHS),
    days: amount("D", DEFAULT_DAYS),
    endDate: agreement?.kind === "endDate" ? agreement.endDate : "",
  };
}

/** The agreement in words for the review: `12 months`, `365 days`, `until 2029-06-30`, or `missing`. */
export function describeAgreement(inputs: AgreementInputs, unit: DurationUnit = "months"): string {
  const agreement = agreementOf(inputs, unit);
  if (!agreement) return "missing";
  return agreement.kind === "duration" ? `${agreement.duration.slice(1, -1)} ${unit}` : `until ${agreement.endDate}`;
}
