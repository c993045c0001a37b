/**
 * Money is never a binary float. On the wire a price is a decimal string in US dollars
 * ("12.5", "0.00012345"); for arithmetic it becomes a bigint of nano-units of 1e-8 USD,
 * the finest precision the marketplace allows (usage prices have up to 8 decimals). This file
 * is that arithmetic alone, without zod, so an app that only shows money loads no schema;
 * `money.ts` builds the price schemas on it.
 */
export const MONEY_SCALE = 8;
const UNITS_PER_DOLLAR = 10n ** BigInt(MONEY_SCALE);

/**
 * The canonical spelling of a price, the one the API stores and answers with: "007.50" -> "7.5",
 * "3.000" -> "3". One spelling per amount, so stored terms compare equal and hash the same
 * however they were typed. The SDK's `canonicalPrice` states the same rule for partners; its
 * test holds it to this one.
 */
export function normalizeDecimal(value: string): string {
  const [whole = "0", fraction = ""] = value.split(".");
  const trimmedWhole = whole.replace(/^0+(?=\d)/, "");
  const trimmedFraction = fraction.replace(/0+$/, "");
  return trimmedFraction ? `${trimmedWhole}.${trimmedFraction}` : trimmedWhole;
}

/** Parses a validated decimal string into nano-units (1e-8 USD). */
export function toUnits(value: string): bigint {
  const [whole = "0", fraction = ""] = value.split(".");
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction) || fraction.length > MONEY_SCALE) {
    throw new RangeError(`Not a USD amount with at most ${MONEY_SCALE} decimals: ${value}`);
  }
  return BigInt(whole) * UNITS_PER_DOLLAR + BigInt(fraction.padEnd(MONEY_SCALE, "0"));
}

/** Renders nano-units as a decimal string with at least `minDecimals` places ("12.50"). */
export function fromUnits(units: bigint, minDecimals = 2): string {
  const negative = units < 0n;
  const absolute = negative ? -units : units;
  const whole = absolute / UNITS_PER_DOLLAR;
  const fraction = (absolute % UNITS_PER_DOLLAR).toString().padStart(MONEY_SCALE, "0").replace(/0+$/, "");
  const shown = fraction.padEnd(minDecimals, "0");
  return `${negative ? "-" : ""}${whole}${shown ? `.${shown}` : ""}`;
}

/** True when the amount is more than zero. */
export function isPositive(value: string): boolean {
  return toUnits(value) > 0n;
}

/** How `formatUsd` names the currency: after the amount (`30,000.00 USD`) or before it (`$30,000.00`). */
export type UsdStyle = "code" | "symbol";

/**
 * An amount as people read it, in US dollars: thousands grouped, at least the cents, never
 * fewer decimals than it has. `"30000"` -> `"30,000.00 USD"`, or with `"symbol"` `"$30,000.00"`;
 * `"0.0004"` -> `"0.0004 USD"` / `"$0.0004"`. Exact: the string is regrouped, never turned into
 * a number.
 *
 * @throws RangeError when `amount` is not a non-negative decimal string with at most 8 decimals.
 */
export function formatUsd(amount: string, style: UsdStyle = "code"): string {
  const [whole = "0", fraction = ""] = fromUnits(toUnits(amount), 2).split(".");
  const shown = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction}`;
  return style === "symbol" ? `$${shown}` : `${shown} USD`;
}
