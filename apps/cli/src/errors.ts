/**
 * A mistake in how the command was called (exit 2). `helpFor` names the command whose help
 * fixes it; null when the help would not (a missing setting, say).
 */
export class UsageError extends Error {
  readonly helpFor: string | null;

  constructor(message: string, helpFor: string | null) {
    super(message);
    this.name = "UsageError";
    this.helpFor = helpFor;
  }
}

/** The message of anything thrown. The CLI reaches the server through the SDK only, so it keeps its own copy of core's helper. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
