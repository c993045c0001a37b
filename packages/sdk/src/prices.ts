import type { OfferPricing } from "./types";

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * A price in the canonical form the API stores and answers with, so that a price read back
 * compares equal to the one sent: no leading zeros before the point (a lone `0` stays), no
 * trailing zeros after it, and no point when nothing follows it. `"045.500"` -> `"45.5"`,
 * `"50000.00"` -> `"50000"`, `"0.50"` -> `"0.5"`. The value, and so the charge, never changes.
 *
 * @throws RangeError when `value` is not a non-negative decimal string such as `"12.50"`.
 */
export function canonicalPrice(value: string): string {
  if (!DECIMAL.test(value)) throw new RangeError(`A price is a non-negative decimal string such as "12.50", not ${JSON.stringify(value)}`);
  const [whole = "0", fraction = ""] = value.split(".");
  const trimmedWhole = whole.replace(/^0+(?=\d)/, "");
  const trimmedFraction = fraction.replace(/0+$/, "");
  return trimmedFraction ? `${trimmedWhole}.${trimmedFraction}` : trimmedWhole;
}

function canonicalTable(table: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(table).map(([key, price]) => [key, canonicalPrice(price)]));
}

/**
 * An offer's pricing with every price in its canonical form (see `canonicalPrice`): what the
 * API answers for the pricing it was sent, to compare the two.
 */
export function canonicalPricing(pricing: OfferPricing): OfferPricing {
  switch (pricing.model) {
    case "free":
    case "byol":
      return { ...pricing };
    case "monthly":
      return { ...pricing, monthlyFee: canonicalPrice(pricing.monthlyFee) };
    case "hourly":
      return { ...pricing, hourly: canonicalTable(pricing.hourly) };
    case "hourly_annual":
      return { ...pricing, hourly: canonicalTable(pricing.hourly), annual: canonicalTable(pricing.annual) };
    case "usage":
    case "saas_subscription":
      return { ...pricing, rates: canonicalTable(pricing.rates) };
    case "saas_contract":
      return { ...pricing, contract: canonicalTable(pricing.contract) };
  }
}
