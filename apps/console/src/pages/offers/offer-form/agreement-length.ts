import type { OfferView } from "@offerkit/sdk";

export type AgreementTerm = NonNullable<OfferView["agreement"]>;

/** How the agreement length is typed: a number of months, or an end date from a date picker. */
export interface AgreementInputs {
  agreementKind: "duration" | "endDate";
  months: string;
  endDate: string;
}

/** A new offer runs a year unless the rep says otherwise. */
const DEFAULT_MONTHS = "12";

/**
 * The agreement the inputs describe, or undefined when the chosen kind is left empty. Months are
 * sent as typed inside `P<months>M`, for the server to refuse what is not a whole number.
 */
export function agreementOf(inputs: AgreementInputs): AgreementTerm | undefined {
  if (inputs.agreementKind === "duration") {
    const months = inputs.months.trim();
    return months ? { kind: "duration", duration: `P${months}M` } : undefined;
  }
  return inputs.endDate ? { kind: "endDate", endDate: inputs.endDate } : undefined;
}

/** The inputs for a draft's agreement; a draft without one starts at the default months. */
export function agreementInputsOf(agreement: AgreementTerm | null): AgreementInputs {
  return {
    agreementKind: agreement?.kind ?? "duration",
    months: agreement?.kind === "duration" && agreement.duration.endsWith("M") ? agreement.duration.slice(1, -1) : DEFAULT_MONTHS,
    endDate: agreement?.kind === "endDate" ? agreement.endDate : "",
  };
}

/** The agreement in words for the review: `12 months`, `until 2029-06-30`, or `missing`. */
export function describeAgreement(inputs: AgreementInputs): string {
  const agreement = agreementOf(inputs);
  if (!agreement) return "missing";
  return agreement.kind === "duration" ? `${inputs.months.trim()} months` : `until ${agreement.endDate}`;
}
