import { money } from "../../money";
import type { FormPricing } from "./offer-form/granted-quantities";

/**
 * An offer's prices, one line per price (`seats: $45.50 per unit for the term`), in the order
 * of the pricing's tables. A dimension granted a quantity by a payment schedule says how many,
 * with its upfront price (0 once sendable: the schedule carries the money). Empty when the model
 * has no prices or none were given yet. With the product's dimension `names` (key to name), each
 * line leads with the name: `User seats (seats): $45.50 per unit for the term`.
 */
export function priceLinesOf(pricing: FormPricing, names: Readonly<Record<string, string>> = {}): string[] {
  const lines: string[] = [];
  const add = (label: string, table: Record<string, string>, granted?: (key: string) => string | undefined) => {
    for (const [key, price] of Object.entries(table)) {
      const quantity = granted?.(key);
      const name = names[key];
      // The name buyers read, with the key the API and usage records use; a key that is its own name once.
      const dimension = name === undefined || name === key ? key : `${name} (${key})`;
      lines.push(quantity === undefined ? `${dimension}: ${money(price)} ${label}` : `${dimension}: ${quantity}, at ${money(price)} each upfront`);
    }
  };
  const quantities = "quantities" in pricing ? pricing.quantities : undefined;
  const annualQuantities = "annualQuantities" in pricing ? pricing.annualQuantities : undefined;
  const grantedOf = (table: Record<string, number | string> | undefined, unit: string) => (key: string) => {
    const quantity = table?.[key];
    return quantity === undefined ? undefined : `${quantity} ${unit}`;
  };
  if ("hourly" in pricing) add("per hour", pricing.hourly);
  if ("annual" in pricing) add("per year", pricing.annual, grantedOf(annualQuantities, "on the annual term"));
  if ("rates" in pricing) add("per unit", pricing.rates);
  if ("contract" in pricing) add("per unit for the term", pricing.contract, grantedOf(quantities, "units for the term"));
  if ("monthlyFee" in pricing) lines.push(`${money(pricing.monthlyFee)} per month`);
  return lines;
}

/** The pricing's summary when it has no price lines: `no prices` for a free or BYOL product, else `missing`. */
export function noPricesText(pricing: FormPricing | null | undefined): string {
  return pricing?.model === "free" || pricing?.model === "byol" ? "no prices" : "missing";
}
