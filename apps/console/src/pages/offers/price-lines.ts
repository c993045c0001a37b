import type { OfferView } from "@offerkit/sdk";

type OfferPricing = NonNullable<OfferView["pricing"]>;

/**
 * An offer's prices, one line per price (`seats: 45.5 USD per unit for the term`), in the order
 * of the pricing's tables. Empty when the model has no prices or none were given yet.
 */
export function priceLinesOf(pricing: OfferPricing): string[] {
  const lines: string[] = [];
  const add = (label: string, table: Record<string, string>) => {
    for (const [dimension, price] of Object.entries(table)) lines.push(`${dimension}: ${price} USD ${label}`);
  };
  if ("hourly" in pricing) add("per hour", pricing.hourly);
  if ("annual" in pricing) add("per year", pricing.annual);
  if ("rates" in pricing) add("per unit", pricing.rates);
  if ("contract" in pricing) add("per unit for the term", pricing.contract);
  if ("monthlyFee" in pricing) lines.push(`${pricing.monthlyFee} USD per month`);
  return lines;
}

/** The pricing's summary when it has no price lines: `no prices` for a free or BYOL product, else `missing`. */
export function noPricesText(pricing: OfferPricing | null | undefined): string {
  return pricing?.model === "free" || pricing?.model === "byol" ? "no prices" : "missing";
}
