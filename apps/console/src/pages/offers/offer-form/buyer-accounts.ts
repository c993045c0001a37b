import type { FieldErrors } from "../../../errors";
import { listFieldErrors } from "./list-field-errors";

/** Reps paste lists from emails and spreadsheets: lines, commas, semicolons and tabs all separate. */
const SEPARATORS = /[\s,;]+/;

/**
 * The account IDs of the buyer accounts box, in the order typed. Each is sent as typed: the
 * server checks the 12 digits and names the one it refuses.
 */
export function parseBuyerAccounts(text: string): string[] {
  return text.split(SEPARATORS).filter(Boolean);
}

/** The box's text for a draft's accounts: one per line. */
export function buyerAccountsText(accounts: readonly string[]): string {
  return accounts.join("\n");
}

/**
 * The server's errors about the buyer accounts as one sentence for the box, each prefixed with
 * the account it is about (`12345: An account ID is exactly 12 digits`); undefined when none.
 */
export function buyerAccountsError(errors: FieldErrors, text: string): string | undefined {
  const found = listFieldErrors(errors, "buyerAccounts");
  if (found.length === 0) return undefined;
  const accounts = parseBuyerAccounts(text);
  return found
    .map(({ index, message }) => (index === undefined ? message : `${accounts[index] ?? `Account ${index + 1}`}: ${message}`))
    .join(" ");
}
