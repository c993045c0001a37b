import { normalizeBaseUrl } from "@offerkit/core/link-rules";

// The server's shapes, written out here so that the published types need nothing else; a type
// test proves they equal the server's own.

/** One field the server refused: `path` as it names it, e.g. `["contact", "email"]`. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export interface OfferBanner {
  /** True while the account has an offer for this product that it can still accept. */
  hasPrivateOffer: boolean;
  offerIds: string[];
  /** The buyer URL of the open offer whose deadline comes first, for the banner to link to. */
  buyerUrl: string | null;
}

/** A refused or failed call: the server's code, its message and the fields at fault. */
export class WidgetApiError extends Error {
  readonly code: string;
  readonly status: number | null;
  readonly issues: FieldIssue[];

  constructor(code: string, message: string, status: number | null, issues: FieldIssue[] = []) {
    super(message);
    this.name = "WidgetApiError";
    this.code = code;
    this.status = status;
    this.issues = issues;
  }
}

/** Where and as whom the widget talks to the seller's Offerkit server. */
export interface BuyerConnection {
  /** The seller's Offerkit server, e.g. `https://offers.example.com`. */
  apiUrl: string;
  /** A buyer token for the visitor's account, from the host page's sign-in. */
  buyerToken: string;
  signal?: AbortSignal | undefined;
}

/**
 * Calls one tRPC procedure over its plain HTTP shape (`GET ?input=` for a query, `POST` JSON
 * for a mutation): the widget needs two calls, not a client library.
 */
async function callProcedure<T>(
  connection: BuyerConnection,
  path: string,
  kind: "query" | "mutation",
  input: unknown,
  read: (data: unknown) => T | null,
): Promise<T> {
  const base = normalizeBaseUrl(connection.apiUrl);
  if (base === null) throw new WidgetApiError("BAD_CONFIGURATION", "apiUrl must be an absolute http(s) URL", null);
  const json = JSON.stringify(input);
  const url = `${base}/trpc/${path}` + (kind === "query" ? `?input=${encodeURIComponent(json)}` : "");
  const headers: Record<string, string> = { authorization: `Bearer ${connection.buyerToken}` };
  if (kind === "mutation") headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(url, { method: kind === "query" ? "GET" : "POST", headers, body: kind === "query" ? null : json, signal: connection.signal ?? null });
  } catch (error) {
    if (connection.signal?.aborted) throw error;
    throw new WidgetApiError("NETWORK_ERROR", "The server could not be reached", null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw errorOf(body, response.status);
  const data = isObject(body) && isObject(body.result) ? read(body.result.data) : null;
  if (data === null) throw new WidgetApiError("BAD_RESPONSE", "The server's answer is not Offerkit's", response.status);
  return data;
}

function errorOf(body: unknown, status: number): WidgetApiError {
  const error = isObject(body) && isObject(body.error) ? body.error : null;
  const data = error && isObject(error.data) ? error.data : null;
  const code = typeof data?.offerkitCode === "string" ? data.offerkitCode : "BAD_RESPONSE";
  const message = typeof error?.message === "string" ? error.message : `The server answered ${status}`;
  const issues = Array.isArray(data?.issues) ? data.issues.filter(isFieldIssue) : [];
  return new WidgetApiError(code, message, status, issues);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isFieldIssue(value: unknown): value is FieldIssue {
  return isObject(value) && typeof value.message === "string" && Array.isArray(value.path);
}

/** Whether the visitor's account has a private offer it can still accept for `asin`. */
export function fetchOfferBanner(connection: BuyerConnection, asin: string): Promise<OfferBanner> {
  return callProcedure(connection, "buyer.banner", "query", { asin }, (data) =>
    isObject(data) && typeof data.hasPrivateOffer === "boolean"
      ? {
          hasPrivateOffer: data.hasPrivateOffer,
          offerIds: Array.isArray(data.offerIds) ? data.offerIds.filter((id): id is string => typeof id === "string") : [],
          buyerUrl: typeof data.buyerUrl === "string" ? data.buyerUrl : null,
        }
      : null,
  );
}

/** What the support-contact form collects; the server checks every field again. */
export interface SupportContact {
  givenName: string;
  surname: string;
  title?: string | undefined;
  organization: string;
  email: string;
  phone: string;
  countryCode?: string | undefined;
  postalCode?: string | undefined;
}

export interface SharedContact {
  id: string;
  subscriptionId: string;
}

/** Shares a support contact for one subscription, with the buyer's explicit consent. */
export function shareSupportContact(connection: BuyerConnection, input: { subscriptionId: string; consent: boolean; contact: SupportContact }): Promise<SharedContact> {
  return callProcedure(connection, "buyer.contacts.share", "mutation", input, (data) =>
    isObject(data) && typeof data.id === "string" && typeof data.subscriptionId === "string" ? { id: data.id, subscriptionId: data.subscriptionId } : null,
  );
}
