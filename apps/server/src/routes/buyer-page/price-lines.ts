import { formatUsd, type OfferPricing } from "@offerkit/core";

/** One line of an offer's prices as a buyer reads it: what, and what it costs. */
export interface PriceLine {
  what: string;
  price: string;
}

const perUnit = (table: Record<string, string>, unit: string): PriceLine[] =>
  Object.entries(table).map(([key, price]) => ({ what: key, price: `${formatUsd(price)} ${unit}` }));

const granted = (quantities: Record<string, number>, what: string): PriceLine[] =>
  Object.entries(quantities).map(([key, quantity]) => ({ what: key, price: `${quantity.toLocaleString("en-US")} ${what}, paid by the schedule below` }));

/** Every price of the offer, per dimension, in the words of its model. */
export function priceLines(pricing: OfferPricing): PriceLine[] {
  switch (pricing.model) {
    case "free":
    case "byol":
      return [{ what: "Software", price: "no charge through the marketplace" }];
    case "monthly":
      return [{ what: "Monthly fee", price: `${formatUsd(pricing.monthlyFee)} per month` }];
    case "hourly":
      return perUnit(pricing.hourly, "per instance-hour");
    case "hourly_annual":
      return [
        ...perUnit(pricing.hourly, "per instance-hour"),
        ...(pricing.annualQuantities
          ? granted(pricing.annualQuantities, "instances for a year")
          : perUnit(pricing.annual, "per instance for 12 months").map((line) => ({ ...line, what: `${line.what}, annual` }))),
      ];
    case "usage":
    case "saas_subscription":
      return perUnit(pricing.rates, "per unit");
    case "saas_contract":
      return pricing.quantities ? granted(pricing.quantities, "units for the term") : perUnit(pricing.contract, "per unit for the whole term");
  }
}
