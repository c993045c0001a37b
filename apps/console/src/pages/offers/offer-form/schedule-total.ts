import type { InstallmentInput } from "./installments";

/** An amount the server takes for an installment: USD with at most cents, written with a dot. */
const AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/;

/**
 * What the schedule charges in all, in USD with cents ("5428.50"), added up in whole cents as
 * bigints: never a float. Null when there is no installment or an amount is not yet one the
 * server would take, so a total is never shown for amounts it will refuse.
 */
export function scheduleTotal(installments: readonly InstallmentInput[]): string | null {
  let cents = 0n;
  for (const { amount } of installments) {
    const match = AMOUNT.exec(amount);
    if (!match) return null;
    cents += BigInt(match[1] ?? "0") * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
  }
  if (installments.length === 0) return null;
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, "0")}`;
}
