import { isOfferkitError } from "@offerkit/sdk";

/** The server's field errors keyed by their path (`buyerAccounts.0`), for forms to show. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!isOfferkitError(error)) return {};
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

/** One sentence for the user; the code helps when they write to support. */
export function messageOf(error: unknown): string {
  if (isOfferkitError(error)) return error.code === "NETWORK_ERROR" ? "The server could not be reached. Check your connection and try again." : error.message;
  return error instanceof Error ? error.message : "Something went wrong.";
}
