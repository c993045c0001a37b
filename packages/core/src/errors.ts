/**
 * The one error type of Offerkit. Services throw it; the transport maps `code` to a tRPC code
 * and an HTTP status in one place (see `@offerkit/api`), and clients read `code` back.
 */
export const errorCodes = {
  VALIDATION_FAILED: "An input field breaks a rule; `issues` names each field.",
  UNAUTHORIZED: "No credential, or one that is unknown or revoked.",
  FORBIDDEN: "The credential is valid but lacks the scope this call needs.",
  NOT_FOUND: "Nothing with that ID is visible to this credential.",
  CONFLICT: "The resource changed while the request ran; read it again and retry.",
  OFFER_IMMUTABLE: "The offer has been sent; a sent offer never changes. Copy it as a new draft.",
  OFFER_NOT_SENDABLE: "The draft is incomplete or breaks a rule; `issues` names each field.",
  OFFER_EXPIRED: "The offer's acceptance deadline has passed.",
  PUBLICATION_NOT_RETRYABLE: "Only a failed publication can be tried again, and only with a marketplace publisher configured.",
  DATA_SHARING_REQUIRED: "The seller must enroll in the data-sharing program before creating private offers.",
  IDEMPOTENCY_KEY_REUSED: "This idempotency key was already used with a different request.",
  EULA_TOO_LARGE: "The EULA file is larger than the configured limit.",
  EULA_NOT_PDF: "The EULA is not a PDF file.",
  EULA_DAMAGED: "The EULA PDF is damaged and cannot be read.",
  EULA_ENCRYPTED: "The EULA PDF is encrypted or password-protected.",
  EULA_NO_PAGES: "The EULA PDF has no pages.",
  SUPPORT_CONNECTION_NOT_ENROLLED: "The product is not enrolled in Product Support Connection: no contact can be shared.",
  CONSENT_REQUIRED: "A support contact is shared only with the buyer's explicit consent.",
  CONTACT_LIMIT_REACHED: "A subscription holds at most 5 support contacts.",
  SUBSCRIPTION_NOT_ACTIVE: "The subscription has ended or was cancelled: it takes no new or edited support contact.",
  PAYLOAD_TOO_LARGE: "The request body is larger than the server accepts.",
  RATE_LIMITED: "Too many requests from this address or credential; wait for the seconds in Retry-After.",
  INTERNAL: "Something failed on the server; the request changed nothing it did not report.",
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** A problem with one input field: `path` is the field's path, e.g. `["pricing", "usageRates", "m5.large"]`. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export class OfferkitError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode, message?: string, issues: FieldIssue[] = []) {
    super(message ?? errorCodes[code]);
    this.name = "OfferkitError";
    this.code = code;
    this.issues = issues;
  }
}

export function isOfferkitError(value: unknown): value is OfferkitError {
  return value instanceof OfferkitError;
}

/** The message of anything thrown, for logs and one-line reports. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
