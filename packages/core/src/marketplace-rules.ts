import type { FieldIssue } from "./errors";
import { isPositive, toUnits } from "./money";
import type { AgreementTerm, DraftTerms } from "./offer";
import { allPrices, type OfferPricing, type PricingModel } from "./pricing";

/**
 * The rules AWS Marketplace applies to a private offer, for every publisher: the local
 * marketplace mirrors the real one, so an offer that passes here passes there. Sources: the
 * seller guide (private offers, flexible payment scheduler) and the Catalog API's shapes for
 * `Offer@1.0`.
 */

/**
 * The pricing models that take private offers. The seller guide: "Private offers don't support
 * the Bring Your Own License (BYOL) model" and "are not available for monthly billing
 * contracts"; a free product has no price to negotiate.
 */
export const PRIVATE_OFFER_MODELS: readonly PricingModel[] = ["hourly", "hourly_annual", "usage", "saas_subscription", "saas_contract"];

const refusedModels: Partial<Record<PricingModel, string>> = {
  byol: "AWS Marketplace takes no private offers for BYOL products",
  monthly: "AWS Marketplace takes no private offers for monthly billing products",
  free: "A free product has no price to negotiate: AWS Marketplace takes no private offers for it",
};

/** Why a product of this model cannot have private offers, or null when it can. */
export function privateOfferModelProblem(model: PricingModel): string | null {
  return refusedModels[model] ?? null;
}

/** Contracts run in whole months (up to 60); hourly and metered offers in whole days (up to 1,095). */
export const MAX_CONTRACT_MONTHS = 60;
export const MAX_USAGE_DAYS = 1095;

/** Every price and installment in the Catalog API's shapes is at most 100,000,000 USD. */
export const MAX_PRICE_USD = "100000000";
const MAX_PRICE_UNITS = toUnits(MAX_PRICE_USD);

/** The `SupportTerm.RefundPolicy` pattern: ASCII plus © ® ™ ¢ £ ¤ ¥. */
const REFUND_POLICY_CHARACTER = /[\u0000-\u007E\u00A9\u00AE\u2122\u00A2-\u00A5]/u;
/** What a rep most often pastes from a word processor, and what to type instead. */
const plainSpellings: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u2013": "-",
  "\u2014": "-",
  "\u2026": "...",
  "\u00A0": "a plain space",
  "\u20AC": "EUR",
};

export function isContract(model: PricingModel): boolean {
  return model === "saas_contract";
}

/** Why an agreement term does not fit a model, or null. An end date is judged at send, with the schedule. */
export function agreementProblem(agreement: AgreementTerm, model: PricingModel): string | null {
  if (agreement.kind === "endDate") {
    return isContract(model) ? null : "An hourly or metered offer runs a number of days (P1D to P1095D), not to an end date";
  }
  const amount = Number(agreement.duration.slice(1, -1));
  const unit = agreement.duration.slice(-1);
  if (isContract(model)) {
    return unit === "M" && amount <= MAX_CONTRACT_MONTHS ? null : `A contract runs whole months, P1M to P${MAX_CONTRACT_MONTHS}M`;
  }
  return unit === "D" && amount <= MAX_USAGE_DAYS ? null : `An hourly or metered offer runs whole days, P1D to P${MAX_USAGE_DAYS}D (three years)`;
}

/** Names each character the marketplace refuses in a refund policy, with what to write instead. */
export function refundPolicyProblem(text: string): string | null {
  const refused = [...new Set([...text].filter((character) => !REFUND_POLICY_CHARACTER.test(character)))];
  if (refused.length === 0) return null;
  const named = refused.slice(0, 5).map((character) => {
    const code = `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
    const instead = plainSpellings[character];
    return instead ? `${character} (${code}; write ${instead})` : `${character} (${code})`;
  });
  const more = refused.length > 5 ? ` and ${refused.length - 5} more` : "";
  return `AWS Marketplace takes only ASCII and © ® ™ ¢ £ ¤ ¥ in a refund policy; refused: ${named.join(", ")}${more}`;
}

function priceTables(pricing: OfferPricing): [string, Record<string, string>][] {
  switch (pricing.model) {
    case "free":
    case "byol":
      return [];
    case "monthly":
      return [["monthlyFee", { "": pricing.monthlyFee }]];
    case "hourly":
      return [["hourly", pricing.hourly]];
    case "hourly_annual":
      return [
        ["hourly", pricing.hourly],
        ["annual", pricing.annual],
      ];
    case "usage":
    case "saas_subscription":
      return [["rates", pricing.rates]];
    case "saas_contract":
      return [["contract", pricing.contract]];
  }
}

const capMessage = "AWS Marketplace takes at most 100,000,000 USD";

function pricingProblems(pricing: OfferPricing): FieldIssue[] {
  return priceTables(pricing).flatMap(([field, table]) =>
    Object.entries(table)
      .filter(([, price]) => toUnits(price) > MAX_PRICE_UNITS)
      .map(([key]) => ({ path: key === "" ? ["pricing", field] : ["pricing", field, key], message: `${capMessage} per price` })),
  );
}

/**
 * The rules a value breaks by itself, for an offer on a product of `model`: checked when a
 * draft is written (only on the fields written) and again at send.
 */
export function checkWrittenTerms(terms: DraftTerms, model: PricingModel): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (terms.pricing !== undefined) issues.push(...pricingProblems(terms.pricing));
  terms.installments?.forEach((installment, index) => {
    if (toUnits(installment.amount) > MAX_PRICE_UNITS) {
      issues.push({ path: ["installments", index, "amount"], message: `${capMessage} per installment` });
    }
  });
  const refund = terms.refundPolicy === undefined ? null : refundPolicyProblem(terms.refundPolicy);
  if (refund) issues.push({ path: ["refundPolicy"], message: refund });
  const agreement = terms.agreement === undefined ? null : agreementProblem(terms.agreement, model);
  if (agreement) issues.push({ path: ["agreement"], message: agreement });
  return issues;
}

/** A paid offer moves money through the marketplace: by its prices, or by a payment schedule. */
export function movesMoney(terms: Pick<DraftTerms, "pricing" | "installments">): boolean {
  return terms.installments !== undefined || (terms.pricing !== undefined && allPrices(terms.pricing).some(isPositive));
}
