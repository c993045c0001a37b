import { accountIdSchema, buyerAccountsSchema, termRequirements } from "@offerkit/sdk";
import type { FieldErrors } from "../../../errors";
import { listFieldErrors } from "./list-field-errors";

/** Reps paste lists from emails and spreadsheets: lines, commas, semicolons and tabs separate accounts. */
const LIST_SEPARATORS = /[\n\r\t,;]+/;
/** Inside one account, the marketplace's console and people group digits with dashes, spaces or dots. */
const DIGIT_GROUPING = /[\s.\-\u2010-\u2015\u00a0]/g;
const ACCOUNT = /^\d{12}$/;

const compact = (text: string) => text.replace(DIGIT_GROUPING, "");

/**
 * One piece of the list (between commas or lines) as accounts: `1234-5678-9012` and
 * `1234 5678 9012` are one account; `012345678901 111122223333` are two, each part being
 * whole. What is neither is kept as typed, to be named as wrong rather than guessed at.
 */
function accountsOfPiece(piece: string): string[] {
  const whole = normalizeAccountId(piece);
  if (ACCOUNT.test(whole)) return [whole];
  return piece.split(/\s+/).filter(Boolean).map(normalizeAccountId);
}

/** One account as typed: its 12 digits when it has them (`1234-5678-9012`), else as typed, to be named as wrong. */
export function normalizeAccountId(text: string): string {
  const trimmed = text.trim();
  return ACCOUNT.test(compact(trimmed)) ? compact(trimmed) : trimmed;
}

/**
 * The account IDs of the buyer accounts box, in the order typed, each normalised to its 12
 * digits when it has them (`1234-5678-9012` -> `123456789012`); anything else is kept as typed,
 * so the check (here and on the server) names it.
 */
export function parseBuyerAccounts(text: string): string[] {
  return text
    .split(LIST_SEPARATORS)
    .map((piece) => piece.trim())
    .filter(Boolean)
    .flatMap(accountsOfPiece);
}

/** The box's text for a draft's accounts, or after normalising what was pasted: one per line. */
export function buyerAccountsText(accounts: readonly string[]): string {
  return accounts.join("\n");
}

/**
 * The box's accounts checked with core's rules, keyed as the server keys them: each malformed
 * one at its index, a repeat or too many on the list. Empty is an error only when `required`
 * (before moving on), not while a rep is still to type.
 */
export function buyerAccountsIssues(text: string, required: boolean): FieldErrors {
  const accounts = parseBuyerAccounts(text);
  if (accounts.length === 0) return required ? { buyerAccounts: termRequirements.buyerAccounts } : {};
  const errors: FieldErrors = {};
  accounts.forEach((account, index) => {
    const checked = accountIdSchema.safeParse(account);
    if (!checked.success) errors[`buyerAccounts.${index}`] = checked.error.issues[0]?.message ?? "Not an account ID";
  });
  if (Object.keys(errors).length > 0) return errors;
  const list = buyerAccountsSchema.safeParse(accounts);
  if (!list.success) for (const issue of list.error.issues) errors[["buyerAccounts", ...issue.path].join(".")] ??= issue.message;
  return errors;
}

/**
 * The errors about the buyer accounts as one sentence for the box, each prefixed with the
 * account it is about (`12345: An account ID is exactly 12 digits`); undefined when none.
 */
export function buyerAccountsError(errors: FieldErrors, text: string): string | undefined {
  const found = listFieldErrors(errors, "buyerAccounts");
  if (found.length === 0) return undefined;
  const accounts = parseBuyerAccounts(text);
  return found
    .map(({ index, message }) => (index === undefined ? message : `${accounts[index] ?? `Account ${index + 1}`}: ${message}`))
    .join(" ");
}
