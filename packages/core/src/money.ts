import { z } from "zod";

/**
 * Money is never a binary float. On the wire a price is a decimal string in US dollars
 * ("12.5", "0.00012345"); for arithmetic it becomes a bigint of nano-units of 1e-8 USD,
 * the finest precision the marketplace allows (usage prices have up to 8 decimals).
 */
export const MONEY_SCALE = 8;
const UNITS_PER_DOLLAR = 10n ** BigInt(MONEY_SCALE);

/** Upfront prices (contract, annual, monthly) have at most 3 decimals; usage prices at most 8. */
export const UPFRONT_DECIMALS = 3;
export const USAGE_DECIMALS = 8;

/** The largest price we accept: a billion dollars keeps every total far inside bigint and NUMERIC(20,8). */
const MAX_INTEGER_DIGITS = 10;

/**
 * `noun` names the amount as a person would ("A usage price", "An upfront price", "An
 * installment"), so every message reads as a sentence whatever the kind.
 */
function priceSchema(maxDecimals: number, noun: string) {
  return z
    .string({ error: `${noun} is sent as a decimal string such as "12.50", never a number` })
    .max(32, `${noun} has at most 32 characters`)
    .regex(/^\d+(\.\d+)?$/, `${noun} is written with digits and at most one decimal point, such as 12.50: no sign, currency or thousands separators`)
    .refine((value) => (value.split(".")[1]?.length ?? 0) <= maxDecimals, {
      message: `${noun} has at most ${maxDecimals} decimal places`,
    })
    .refine((value) => (value.split(".")[0] ?? "").replace(/^0+(?=\d)/, "").length <= MAX_INTEGER_DIGITS, {
      message: `${noun} is less than $10,000,000,000`,
    })
    .transform(normalizeDecimal);
}

/** A price per hour or per unit of usage: up to 8 decimal places. */
export const usagePriceSchema = priceSchema(USAGE_DECIMALS, "A usage price").describe(
  "USD per unit of usage, a decimal string with up to 8 decimal places",
);
/** A contract, annual or monthly price: up to 3 decimal places. */
export const upfrontPriceSchema = priceSchema(UPFRONT_DECIMALS, "An upfront price").describe(
  "USD, a decimal string with up to 3 decimal places",
);

/** An installment of a payment schedule: more than zero, cents at most, as the marketplace bills them. */
export const INSTALLMENT_DECIMALS = 2;
export const installmentAmountSchema = priceSchema(INSTALLMENT_DECIMALS, "An installment")
  .refine(isPositive, "An installment is more than 0 USD")
  .describe("USD charged on the date, a decimal string with up to 2 decimal places");

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
