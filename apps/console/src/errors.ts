import { isOfferkitError, type OfferkitErrorCode } from "@offerkit/sdk";

/** The server's field errors keyed by their path (`buyerAccounts.0`), for forms to show. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!isOfferkitError(error)) return {};
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

/**
 * The API's words for what a console user does in the console: its messages name API calls
 * (`admin.settings.setDataSharing`), which mean nothing on a screen.
 */
const CONSOLE_WORDS: Partial<Record<OfferkitErrorCode, string>> = {
  NETWORK_ERROR: "The server could not be reached. Check your connection and try again.",
  DATA_SHARING_REQUIRED: "Your seller is not enrolled in the marketplace's data-sharing program, which private offers need. An admin enrolls it in Settings, Data sharing.",
};

/** One sentence for the user; the code helps when they write to support. */
export function messageOf(error: unknown): string {
  if (isOfferkitError(error)) return CONSOLE_WORDS[error.code] ?? error.message;
  return error instanceof Error ? error.message : "Something went wrong.";
}
