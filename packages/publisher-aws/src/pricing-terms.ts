import type { AgreementTerm, OfferPricing } from "@offerkit/core";
import type { Json } from "./json";

/** The marketplace's pricing models for an offer. */
export type MarketplacePricingModel = "Contract" | "Usage" | "Free" | "Byol";

/** The `DetailsDocument` of an `UpdatePricingTerms` change. */
export interface PricingTermsDocument {
  [key: string]: Json;
  PricingModel: MarketplacePricingModel;
  Terms: Json[];
}

/** Refused before anything is sent: the marketplace could not express these terms. */
export class UnpublishableOfferError extends Error {
  override readonly name = "UnpublishableOfferError";
  /** The field of the offer at fault, e.g. `["agreement"]`. */
  readonly path: string[];

  constructor(path: string[], message: string) {
    super(message);
    this.path = path;
  }
}

const CURRENCY = "USD";
/** Annual prices of the hourly-annual model buy 365 days of an instance type. */
const ANNUAL_DURATION = "P365D";
/** Buyers of a contract or annual offer choose a quantity of each dimension they want. */
const UPFRONT_CONSTRAINTS = { MultipleDimensionSelection: "Allowed", QuantityConfiguration: "Allowed" };

/** Prices keep the offer's own decimal strings: the marketplace takes strings, and a float would round. */
function rateCard(table: Record<string, string>): Json[] {
  return Object.entries(table).map(([key, price]) => ({ DimensionKey: key, Price: price }));
}

function usageTerm(table: Record<string, string>): Json {
  return { Type: "UsageBasedPricingTerm", CurrencyCode: CURRENCY, RateCards: [{ RateCard: rateCard(table) }] };
}

function upfrontTerm(table: Record<string, string>, duration: string): Json {
  return {
    Type: "ConfigurableUpfrontPricingTerm",
    CurrencyCode: CURRENCY,
    RateCards: [{ Selector: { Type: "Duration", Value: duration }, RateCard: rateCard(table), Constraints: UPFRONT_CONSTRAINTS }],
  };
}

/**
 * A contract's rate card is chosen by its duration, which must be the agreement's: the
 * marketplace has no rate card for "until a date", so such a contract cannot be published.
 */
function contractDuration(agreement: AgreementTerm): string {
  if (agreement.kind === "duration") return agreement.duration;
  throw new UnpublishableOfferError(
    ["agreement"],
    "A SaaS contract offer is published with a duration (P12M, P24M, ...); the marketplace has no contract rate card for an end date",
  );
}

/** Translates an offer's prices into the marketplace's pricing terms, one model at a time. */
export function pricingTermsDocument(pricing: OfferPricing, agreement: AgreementTerm): PricingTermsDocument {
  switch (pricing.model) {
    case "free":
      return { PricingModel: "Free", Terms: [] };
    case "byol":
      return { PricingModel: "Byol", Terms: [{ Type: "ByolPricingTerm" }] };
    case "hourly":
      return { PricingModel: "Usage", Terms: [usageTerm(pricing.hourly)] };
    case "hourly_annual":
      return { PricingModel: "Usage", Terms: [usageTerm(pricing.hourly), upfrontTerm(pricing.annual, ANNUAL_DURATION)] };
    case "monthly":
      return {
        PricingModel: "Usage",
        Terms: [{ Type: "RecurringPaymentTerm", CurrencyCode: CURRENCY, BillingPeriod: "Monthly", Price: pricing.monthlyFee }],
      };
    case "usage":
    case "saas_subscription":
      return { PricingModel: "Usage", Terms: [usageTerm(pricing.rates)] };
    case "saas_contract":
      return { PricingModel: "Contract", Terms: [upfrontTerm(pricing.contract, contractDuration(agreement))] };
  }
}
