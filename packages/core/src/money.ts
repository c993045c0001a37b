import { z } from "zod";
import { isPositive, normalizeDecimal } from "./decimal";

export { MONEY_SCALE, formatUsd, fromUnits, isPositive, normalizeDecimal, toUnits, type UsdStyle } from "./decimal";

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

