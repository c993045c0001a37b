import type { errorCodes, FieldIssue } from "@offerkit/core";
import { TRPCClientError } from "@trpc/client";

/** One field at fault: `path` as the server names it, e.g. `["buyerAccounts", 0]`; also a draft's `problems`. */
export type { FieldIssue };

/**
 * The server's error codes, exactly core's `errorCodes` (see the API's README), plus three the
 * SDK raises itself: `NETWORK_ERROR` (no answer), `TIMEOUT` (no answer in time), `BAD_RESPONSE`
 * (an answer that is not the API's). Derived, not copied, so a code the server gains is typed here.
 */
export type OfferkitErrorCode = keyof typeof errorCodes | "NETWORK_ERROR" | "TIMEOUT" | "BAD_RESPONSE";

/** Every failure of an SDK call: the code to branch on, the HTTP status, the fields at fault. */
export class OfferkitError extends Error {
  readonly code: OfferkitErrorCode;
  /** The HTTP status, or null when no answer came. */
  readonly status: number | null;
  readonly issues: FieldIssue[];

  constructor(code: OfferkitErrorCode, message: string, options: { status?: number | null; issues?: FieldIssue[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "OfferkitError";
    this.code = code;
    this.status = options.status ?? null;
    this.issues = options.issues ?? [];
  }
}

/** Narrows an unknown caught value to an OfferkitError. */
export function isOfferkitError(value: unknown): value is OfferkitError {
  return value instanceof OfferkitError;
}

interface ServerErrorData {
  offerkitCode?: string;
  httpStatus?: number;
  issues?: FieldIssue[];
}

const statusCodes: Record<number, OfferkitErrorCode> = {
  400: "VALIDATION_FAILED",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  429: "RATE_LIMITED",
};

/** The HTTP response behind a tRPC client error, when there was one. */
export function responseOf(error: unknown): Response | null {
  if (!(error instanceof TRPCClientError)) return null;
  const meta: unknown = error.meta;
  if (typeof meta === "object" && meta !== null && "response" in meta && meta.response instanceof Response) return meta.response;
  return null;
}

function isTimeout(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if (current.name === "TimeoutError") return true;
  }
  return false;
}

/**
 * The server's message, then each field issue it does not already say: the server often names
 * only the first field, and often repeats an issue's message as its own (a refused EULA does).
 */
export function withUnsaidIssues(message: string, issues: readonly FieldIssue[]): string {
  const unsaid = issues.filter((issue) => !message.includes(issue.message));
  if (unsaid.length === 0) return message;
  return `${message} (${unsaid.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; ")})`;
}

/** Turns whatever a call threw into an OfferkitError with a message a person can act on. */
export function toOfferkitError(error: unknown): OfferkitError {
  if (error instanceof OfferkitError) return error;
  if (isTimeout(error)) return new OfferkitError("TIMEOUT", "The Offerkit server did not answer in time", { cause: error });
  if (error instanceof TRPCClientError) {
    const data = error.data as ServerErrorData | null | undefined;
    const status = data?.httpStatus ?? responseOf(error)?.status ?? null;
    const issues = Array.isArray(data?.issues) ? data.issues : [];
    if (data?.offerkitCode) {
      return new OfferkitError(data.offerkitCode as OfferkitErrorCode, withUnsaidIssues(error.message, issues), { status, issues, cause: error });
    }
    if (status !== null) {
      const code = statusCodes[status] ?? (status >= 500 ? "INTERNAL" : "BAD_RESPONSE");
      return new OfferkitError(code, `The server answered HTTP ${status}: ${error.message}`, { status, cause: error });
    }
    // fetch rejects with a TypeError when no answer arrives at all.
    if (error.cause instanceof TypeError || /fetch failed|failed to fetch|network|ECONNRE|socket/i.test(error.message)) {
      return new OfferkitError("NETWORK_ERROR", `Could not reach the Offerkit server: ${error.message}`, { cause: error });
    }
    return new OfferkitError("BAD_RESPONSE", `The server's answer could not be read: ${error.message}`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new OfferkitError("NETWORK_ERROR", `Could not reach the Offerkit server: ${message}`, { cause: error });
}
