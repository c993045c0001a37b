import type { OfferkitError } from "@offerkit/sdk";

/**
 * A mistake in how the command was called (exit 2). `helpFor` names the command whose help
 * fixes it; null when the help would not (a missing setting, say). `details` are printed one
 * a line under the message: each problem of a file, with its path.
 */
export class UsageError extends Error {
  readonly helpFor: string | null;
  readonly details: readonly string[];

  constructor(message: string, helpFor: string | null, details: readonly string[] = []) {
    super(message);
    this.name = "UsageError";
    this.helpFor = helpFor;
    this.details = details;
  }
}

/** Problems found in a file: one stays on the message's line, several get a line each. */
export function fileProblems(path: string, problems: readonly string[], helpFor: string): UsageError {
  const [only] = problems;
  if (problems.length === 1 && only !== undefined) return new UsageError(`${path}: ${only}`, helpFor);
  return new UsageError(`${path}: ${problems.length} problems`, helpFor, problems);
}

/**
 * The API refused or failed (exit 1) after something the rep must know already happened, such
 * as a draft created but not sent: the note is printed on its own line after the API's error.
 */
export class ApiFailure extends Error {
  readonly error: OfferkitError;
  readonly note: string;

  constructor(error: OfferkitError, note: string) {
    super(error.message, { cause: error });
    this.name = "ApiFailure";
    this.error = error;
    this.note = note;
  }
}

/** The message of anything thrown. The CLI reaches the server through the SDK only, so it keeps its own copy of core's helper. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
