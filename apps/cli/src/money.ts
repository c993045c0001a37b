import { formatUsd } from "@offerkit/sdk";

/**
 * A USD amount as people read it: `$45.50`, `$30,000.00`, every decimal kept (`$0.0004`). The
 * server answers decimal strings; one it should never send is shown as it came rather than
 * stopping the command that already did its work.
 */
export function usd(amount: string): string {
  try {
    return formatUsd(amount, "symbol");
  } catch {
    return `${amount} USD`;
  }
}
