import { formatUsd } from "@offerkit/sdk";

/**
 * An amount the server gave (a decimal string in US dollars) as a rep reads it: `$30,000.00`,
 * `$45.50`, `$0.0004`; exact, never through a float (the SDK's formatter is core's). An amount
 * that is not a decimal string is shown as it came rather than hidden.
 */
export function money(amount: string): string {
  try {
    return formatUsd(amount, "symbol");
  } catch {
    return amount;
  }
}

/** The same with the currency's code, where a total or a figure read alone needs it: `$30,000.00 USD`. */
export function moneyWithCode(amount: string): string {
  const shown = money(amount);
  return shown.startsWith("$") ? `${shown} USD` : shown;
}
