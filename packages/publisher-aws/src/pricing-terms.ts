import { privateOfferModelProblem, type AgreementTerm, type OfferPricing, type PricingModel } from "@offerkit/core";
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
/** With a payment schedule the granted quantities cost nothing upfront: the schedule carries the money. */
const SCHEDULED_UPFRONT_PRICE = "0";

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

/** A fixed quantity of each dimension for the term, as AWS pairs it with a payment schedule. */
function grantedTerm(quantities: Record<string, number> | undefined, path: string[], duration?: string): Json {
  if (quantities === undefined) throw new UnpublishableOfferError(path, "An offer paid in installments grants a quantity of each dimension");
  return {
    Type: "FixedUpfrontPricingTerm",
    CurrencyCode: CURRENCY,
    Price: SCHEDULED_UPFRONT_PRICE,
    ...(duration === undefined ? {} : { Duration: duration }),
    Grants: Object.entries(quantities).map(([key, quantity]) => ({ DimensionKey: key, MaxQuantity: quantity })),
  };
}

/**
 * A contract's rate card is chosen by its duration, which must be the agreement's: the
 * marketplace has no rate card for "until a date", so such a contract needs a payment schedule.
 */
function contractDuration(agreement: AgreementTerm): string {
  if (agreement.kind === "duration") return agreement.duration;
  throw new UnpublishableOfferError(
    ["agreement"],
    "A SaaS contract without a payment schedule is published with a duration (P12M, P24M, ...); the marketplace has no contract rate card for an end date",
  );
}

function unpublishable(model: PricingModel): never {
  throw new UnpublishableOfferError(["pricing", "model"], privateOfferModelProblem(model) ?? `No private offer for ${model} products`);
}

/**
 * Translates an offer's prices into the marketplace's pricing terms, one model at a time. With a
 * payment schedule, the upfront part becomes a fixed term of price 0 granting the quantities
 * (AWS's own flexible-payment change sets do so); hourly prices stay as they are.
 */
export function pricingTermsDocument(pricing: OfferPricing, agreement: AgreementTerm, scheduled: boolean): PricingTermsDocument {
  switch (pricing.model) {
    case "free":
    case "byol":
    case "monthly":
      return unpublishable(pricing.model);
    case "hourly":
      return { PricingModel: "Usage", Terms: [usageTerm(pricing.hourly)] };
    case "hourly_annual":
      return {
        PricingModel: "Usage",
        Terms: [
          usageTerm(pricing.hourly),
          scheduled ? grantedTerm(pricing.annualQuantities, ["pricing", "annualQuantities"], ANNUAL_DURATION) : upfrontTerm(pricing.annual, ANNUAL_DURATION),
        ],
      };
    case "usage":
    case "saas_subscription":
      return { PricingModel: "Usage", Terms: [usageTerm(pricing.rates)] };
    case "saas_contract":
      return {
        PricingModel: "Contract",
        Terms: [scheduled ? grantedTerm(pricing.quantities, ["pricing", "quantities"]) : upfrontTerm(pricing.contract, contractDuration(agreement))],
      };
  }
}
