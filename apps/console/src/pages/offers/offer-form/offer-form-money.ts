import { formatUsd } from "@offerkit/sdk";

/**
 * An amount (a decimal string in USD) as the form shows it: `$30,000.00`, exact (core's
 * formatter); one it cannot read is shown as it is rather than hidden.
 */
export function money(amount: string): string {
  try {
    return formatUsd(amount, "symbol");
  } catch {
    return amount;
  }
}
