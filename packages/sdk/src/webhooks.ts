import type { WebhookEvent, WebhookEventData, WebhookEventType } from "@offerkit/core";
import type { WebhookReplayStore } from "./webhook-replay-store";

// Types only: the event schemas stay in core, so verifying a webhook bundles no zod.
export type { WebhookEvent, WebhookEventData, WebhookEventType };
/** Every event type, with what it means: for the forms and help texts that offer them. */
export { webhookEventTypeNames, webhookEventTypes } from "@offerkit/core/webhook-event-types";
export { createMemoryReplayStore, type MemoryReplayStoreOptions, type WebhookReplayStore } from "./webhook-replay-store";

/** An endpoint's signing secret, `whsec_<base64>` (or the bare base64); during a rotation, both. */
export type WebhookSecret = string | readonly string[];

/** A request's headers: a fetch `Headers`, or a plain object such as node's `req.headers`. Names are matched case-insensitively. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** The request body exactly as received: its text or its bytes, never the parsed JSON. */
export type WebhookBody = string | Uint8Array | ArrayBuffer;

/** The envelope every delivery's body has, whatever its `type`; `verifyWebhook` checks this much of it. */
export interface WebhookEventEnvelope {
  id: string;
  type: string;
  version: number;
  timestamp: string;
  data: Record<string, unknown>;
}

export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from now, either way, in seconds; default 300. */
  toleranceSeconds?: number;
  /** Refuses a delivery verified before (a replay); consulted only once the signature and timestamp pass. */
  replayStore?: WebhookReplayStore;
  /** The clock, for tests; default `() => new Date()`. */
  now?: () => Date;
}

/**
 * Why a delivery was refused: `missing_header` (a `webhook-*` header is absent), `bad_timestamp`
 * (not whole seconds), `stale_timestamp` (outside the tolerance), `bad_signature` (no `v1`
 * signature matches any secret), `replayed` (the replay store has seen this delivery),
 * `bad_body` (not JSON, no `{ id, type, version, timestamp, data }`, or an `id` other than the
 * `webhook-id` header's).
 */
export type WebhookVerificationReason = "missing_header" | "bad_timestamp" | "stale_timestamp" | "bad_signature" | "replayed" | "bad_body";

/** A delivery `verifyWebhook` refused; answer it with a 4xx. */
export class WebhookVerificationError extends Error {
  readonly reason: WebhookVerificationReason;

  constructor(reason: WebhookVerificationReason, message: string) {
    super(message);
    this.name = "WebhookVerificationError";
    this.reason = reason;
  }
}

export interface SignWebhookInput {
  /** The event id, e.g. `evt-V1StGXR8_Z5jdHi6B-myT`. */
  id: string;
  /** When this attempt is signed: a Date, or whole seconds since the epoch. */
  timestamp: Date | number;
  /** The exact body that will be sent. */
  body: WebhookBody;
}

/** The headers Offerkit sends with a delivery (a type alias, not an interface, so it passes as `WebhookHeaders`). */
export type SignedWebhookHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

const DEFAULT_TOLERANCE_SECONDS = 300;
const encoder = new TextEncoder();

/**
 * Checks a webhook delivery's signature (Standard Webhooks, `v1`: HMAC-SHA256) and timestamp,
 * then its body, and answers the event. Pass the body exactly as received: the bytes or text of
 * the request, never the object a JSON body parser made of it (re-serializing changes the bytes
 * that were signed). With express: `express.raw({ type: "application/json" })`; with fetch:
 * `await request.text()`.
 *
 * Only the envelope is checked at run time (`id`, `type`, `version`, `timestamp`, `data`), not
 * each type's `data`. An event of a type this SDK version does not know yet (a newer server) is
 * returned too, so keep a `default:` branch when switching on `event.type`.
 *
 * @throws {WebhookVerificationError} when the delivery is refused (answer 4xx).
 * @throws {TypeError} when called wrongly: a secret that is not base64, a body that is not a
 * string or bytes (answer 5xx: the sender retries once the receiver is fixed); a RangeError for
 * a negative `toleranceSeconds`.
 */
export async function verifyWebhook(secret: WebhookSecret, headers: WebhookHeaders, body: WebhookBody, options: VerifyWebhookOptions = {}): Promise<WebhookEvent> {
  const keys = secretKeys(secret);
  const bytes = bodyBytes(body);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (!Number.isFinite(tolerance) || tolerance < 0) throw new RangeError(`toleranceSeconds must be a number of seconds, 0 or more, not ${String(tolerance)}`);

  const id = requiredHeader(headers, "webhook-id");
  const timestampText = requiredHeader(headers, "webhook-timestamp");
  const signatureList = requiredHeader(headers, "webhook-signature");

  if (!/^\d{1,15}$/.test(timestampText)) {
    throw new WebhookVerificationError("bad_timestamp", `The webhook-timestamp header must be whole seconds since the epoch, not ${JSON.stringify(timestampText)}`);
  }
  const timestamp = Number(timestampText);
  const nowSeconds = Math.floor((options.now ?? (() => new Date()))().getTime() / 1000);
  const skew = nowSeconds - timestamp;
  if (Math.abs(skew) > tolerance) {
    const when = skew > 0 ? `${skew} s old` : `${-skew} s in the future`;
    throw new WebhookVerificationError("stale_timestamp", `The webhook was signed ${when}, beyond the ${tolerance} s allowed: a replay, or this machine's clock is off`);
  }

  const expected = await Promise.all(keys.map((key) => hmac(key, signedContent(id, timestampText, bytes))));
  if (!anySignatureMatches(signatureList, expected)) {
    throw new WebhookVerificationError("bad_signature", "No v1 signature in webhook-signature matches the secret: a wrong secret, or a body changed since it was signed (pass the raw body, not parsed JSON)");
  }

  const event = parseEnvelope(bytes, id);
  if (options.replayStore) {
    // One signed attempt, not the event: a retry is signed anew and is not a replay.
    const replayed = await options.replayStore.markSeen(`${id}.${timestampText}`, new Date((timestamp + tolerance) * 1000));
    if (replayed) throw new WebhookVerificationError("replayed", `This delivery of ${id} (signed at ${timestampText}) was verified before: a replay`);
  }
  // The envelope is checked, each type's data is not (that would bring the schemas and zod):
  // the server's payloads are typed from the same core schemas.
  return event as WebhookEvent;
}

/**
 * Signs a body as Offerkit does, for testing a receiver: the headers to send with it. With
 * several secrets, one signature each, as during a rotation.
 */
export async function signWebhook(secret: WebhookSecret, input: SignWebhookInput): Promise<SignedWebhookHeaders> {
  const seconds = input.timestamp instanceof Date ? Math.floor(input.timestamp.getTime() / 1000) : input.timestamp;
  if (!Number.isSafeInteger(seconds) || seconds < 0) throw new RangeError(`timestamp must be a Date or whole seconds since the epoch, not ${String(input.timestamp)}`);
  const content = signedContent(input.id, String(seconds), bodyBytes(input.body));
  const signatures = await Promise.all(secretKeys(secret).map(async (key) => `v1,${toBase64(await hmac(key, content))}`));
  return { "webhook-id": input.id, "webhook-timestamp": String(seconds), "webhook-signature": signatures.join(" ") };
}

function secretKeys(secret: WebhookSecret): Uint8Array<ArrayBuffer>[] {
  const secrets = typeof secret === "string" ? [secret] : secret;
  if (secrets.length === 0) throw new TypeError("Pass at least one webhook secret");
  return secrets.map((value) => {
    const encoded = value.startsWith("whsec_") ? value.slice("whsec_".length) : value;
    const key = fromBase64(encoded);
    if (key === null || key.length === 0) throw new TypeError("A webhook secret is whsec_ followed by base64, as the endpoint's secret was shown");
    return key;
  });
}

function bodyBytes(body: unknown): Uint8Array {
  if (typeof body === "string") return encoder.encode(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError(
    `The webhook body must be the raw request body (a string, Uint8Array or ArrayBuffer), not ${body === null ? "null" : typeof body}: ` +
      `parsed JSON no longer has the bytes that were signed. With express, read this route with express.raw({ type: "application/json" })`,
  );
}

function requiredHeader(headers: WebhookHeaders, name: string): string {
  const value = headerValue(headers, name);
  if (value === undefined || value.trim() === "") throw new WebhookVerificationError("missing_header", `The ${name} header is missing: is this a webhook from Offerkit?`);
  return value.trim();
}

function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  if (isHeaders(headers)) return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    return typeof value === "string" || value === undefined ? value : value.join(" ");
  }
  return undefined;
}

function isHeaders(headers: WebhookHeaders): headers is Headers {
  // Duck-typed: a Headers from another realm or a polyfill is not an instance of this global's.
  return typeof headers.get === "function";
}

function signedContent(id: string, timestamp: string, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = encoder.encode(`${id}.${timestamp}.`);
  const content = new Uint8Array(prefix.length + body.length);
  content.set(prefix);
  content.set(body, prefix.length);
  return content;
}

async function hmac(key: Uint8Array<ArrayBuffer>, content: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const cryptoKey = await globalThis.crypto.subtle.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await globalThis.crypto.subtle.sign("HMAC", cryptoKey, content));
}

/** Compares every `v1` signature with every expected one, each in full, so timing tells nothing. */
function anySignatureMatches(signatureList: string, expected: Uint8Array[]): boolean {
  let matched = 0;
  for (const entry of signatureList.split(/\s+/)) {
    // Node joins a header sent twice with ", ": drop the comma that leaves after a signature.
    const [version, encoded] = entry.replace(/,$/, "").split(",", 2);
    if (version !== "v1" || encoded === undefined) continue;
    const candidate = fromBase64(encoded);
    if (candidate === null) continue;
    for (const signature of expected) matched |= constantTimeEqual(candidate, signature);
  }
  return matched === 1;
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): 0 | 1 {
  if (a.length !== b.length) return 0;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0 ? 1 : 0;
}

function parseEnvelope(bytes: Uint8Array, headerId: string): WebhookEventEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new WebhookVerificationError("bad_body", "The webhook body is not JSON in UTF-8");
  }
  if (!isObject(value)) throw new WebhookVerificationError("bad_body", "The webhook body is not a JSON object");
  const { id, type, version, timestamp, data } = value;
  const wrong = (field: string, expected: string) => new WebhookVerificationError("bad_body", `The webhook body's ${field} is missing or not ${expected}`);
  if (typeof id !== "string") throw wrong("id", "a string");
  if (typeof type !== "string" || type === "") throw wrong("type", "a string");
  if (typeof version !== "number" || !Number.isInteger(version)) throw wrong("version", "an integer");
  if (typeof timestamp !== "string") throw wrong("timestamp", "a string");
  if (!isObject(data)) throw wrong("data", "an object");
  if (id !== headerId) throw new WebhookVerificationError("bad_body", `The webhook body's id ${JSON.stringify(id)} is not the webhook-id header's ${JSON.stringify(headerId)}`);
  // Fields a newer server adds to the envelope are kept.
  return { ...value, id, type, version, timestamp, data };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
