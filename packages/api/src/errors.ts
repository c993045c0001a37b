import { OfferkitError, errorCodes, type ErrorCode, type FieldIssue } from "@offerkit/core";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ZodError } from "zod";

/** Each Offerkit error code, mapped once to the tRPC code (and so the HTTP status) it travels as. */
export const trpcCodeOf: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION_FAILED: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  OFFER_IMMUTABLE: "CONFLICT",
  OFFER_NOT_SENDABLE: "UNPROCESSABLE_CONTENT",
  OFFER_EXPIRED: "PRECONDITION_FAILED",
  PUBLICATION_NOT_RETRYABLE: "CONFLICT",
  DATA_SHARING_REQUIRED: "FORBIDDEN",
  IDEMPOTENCY_KEY_REUSED: "UNPROCESSABLE_CONTENT",
  EULA_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  EULA_NOT_PDF: "UNSUPPORTED_MEDIA_TYPE",
  EULA_DAMAGED: "UNPROCESSABLE_CONTENT",
  EULA_ENCRYPTED: "UNPROCESSABLE_CONTENT",
  EULA_NO_PAGES: "UNPROCESSABLE_CONTENT",
  SUPPORT_CONNECTION_NOT_ENROLLED: "FORBIDDEN",
  CONSENT_REQUIRED: "UNPROCESSABLE_CONTENT",
  CONTACT_LIMIT_REACHED: "CONFLICT",
  SUBSCRIPTION_NOT_ACTIVE: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

/** The reverse, for errors tRPC raises itself before our code runs. */
const offerkitCodeOf: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>> = {
  BAD_REQUEST: "VALIDATION_FAILED",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  TOO_MANY_REQUESTS: "RATE_LIMITED",
  UNSUPPORTED_MEDIA_TYPE: "VALIDATION_FAILED",
  METHOD_NOT_SUPPORTED: "VALIDATION_FAILED",
};

export function toTRPCError(error: OfferkitError): TRPCError {
  return new TRPCError({ code: trpcCodeOf[error.code], message: error.message, cause: error });
}

/** Zod's issues as field paths and messages, which a form can put next to its fields. */
export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((part): part is string | number => typeof part !== "symbol"),
    message: issue.message,
  }));
}

export interface OfferkitErrorData {
  /** The Offerkit error code; see `errorCodes` in @offerkit/core. */
  offerkitCode: ErrorCode;
  /** The fields at fault, when the error is about input. */
  issues: FieldIssue[];
}

/** What our error formatter adds to every tRPC error, so every client reads the same fields. */
export function describeError(error: TRPCError, path?: string): { message: string; data: OfferkitErrorData } {
  const { cause } = error;
  if (cause instanceof OfferkitError) {
    return { message: cause.message, data: { offerkitCode: cause.code, issues: cause.issues } };
  }
  if (cause instanceof ZodError) {
    const issues = zodIssues(cause);
    const first = issues[0];
    const message = first ? `${first.path.join(".") || "input"}: ${first.message}` : "The input is invalid";
    return { message, data: { offerkitCode: "VALIDATION_FAILED", issues } };
  }
  if (error.code === "PAYLOAD_TOO_LARGE" && path === "eula.upload") {
    // The transport stopped reading the upload at its size limit, before our code saw it.
    return { message: errorCodes.EULA_TOO_LARGE, data: { offerkitCode: "EULA_TOO_LARGE", issues: [{ path: ["file"], message: "Too large" }] } };
  }
  const code = offerkitCodeOf[error.code] ?? "INTERNAL";
  // An unexpected failure says nothing of its internals to the caller.
  const message = code === "INTERNAL" ? "Internal error" : error.message;
  return { message, data: { offerkitCode: code, issues: [] } };
}
