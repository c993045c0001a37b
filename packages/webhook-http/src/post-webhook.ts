import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { errorMessage, type WebhookPostOutcome } from "@offerkit/core";
import { guardedLookup, resolveAllowed, type AddressRule } from "./address-guard";
import type { PosterSettings } from "./settings";

/** How much of an answer the log keeps. */
export const LOGGED_RESPONSE_BYTES = 1024;

const USER_AGENT = "Offerkit-Webhooks/1";

/**
 * POSTs a signed body to an endpoint, guarded: only public addresses unless the operator allows
 * others (checked after DNS, on every redirect), redirects followed only as far as allowed, one
 * deadline for the whole attempt, and at most `responseLimitBytes` of the answer read.
 */
export async function postWebhook(
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
  settings: PosterSettings,
  allowed: AddressRule,
): Promise<WebhookPostOutcome> {
  const now = settings.now;
  const started = now();
  const deadline = started + settings.timeoutMs;
  let target = new URL(url);
  for (let hop = 0; ; hop += 1) {
    let answer: Answer;
    try {
      answer = await postOnce(target, headers, body, settings, allowed, deadline - now(), now);
    } catch (error) {
      return { status: null, error: errorMessage(error), response: "", durationMs: now() - started, retryAfterMs: null };
    }
    const location = answer.status >= 300 && answer.status < 400 ? answer.location : null;
    if (location === null) {
      return { status: answer.status, error: null, response: answer.text, durationMs: now() - started, retryAfterMs: answer.retryAfterMs };
    }
    const next = new URL(location, target);
    if (hop >= settings.maxRedirects) {
      const why = settings.maxRedirects === 0 ? "redirects are not followed" : `more than ${settings.maxRedirects} redirects`;
      return { status: answer.status, error: `Redirected to ${next.href}: ${why}; give the endpoint its final URL`, response: answer.text, durationMs: now() - started, retryAfterMs: null };
    }
    if (next.protocol !== "https:" && !(next.protocol === "http:" && target.protocol === "http:")) {
      return { status: answer.status, error: `Redirected to ${next.href}: only https is followed`, response: answer.text, durationMs: now() - started, retryAfterMs: null };
    }
    target = next;
  }
}

interface Answer {
  status: number;
  location: string | null;
  retryAfterMs: number | null;
  text: string;
}

async function postOnce(
  target: URL,
  headers: Readonly<Record<string, string>>,
  body: string,
  settings: PosterSettings,
  allowed: AddressRule,
  timeoutMs: number,
  now: () => number,
): Promise<Answer> {
  if (timeoutMs <= 0) throw new Error(`No answer within ${settings.timeoutMs} ms`);
  // An IP written in the URL never goes through DNS, so it is checked here; names are checked as they resolve.
  const host = target.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) await resolveAllowed(host, allowed);
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<Answer>((resolve, reject) => {
    const outgoing = request(target, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", "content-length": Buffer.byteLength(body).toString(), "user-agent": USER_AGENT },
      lookup: guardedLookup(allowed),
      timeout: timeoutMs,
    });
    const timer = setTimeout(() => outgoing.destroy(new Error(`No answer within ${settings.timeoutMs} ms`)), timeoutMs);
    outgoing.on("timeout", () => outgoing.destroy(new Error(`No answer within ${settings.timeoutMs} ms`)));
    outgoing.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    outgoing.on("response", (response) => {
      readCapped(response, settings.responseLimitBytes).then(
        (bytes) => {
          clearTimeout(timer);
          resolve({
            status: response.statusCode ?? 0,
            location: typeof response.headers.location === "string" ? response.headers.location : null,
            retryAfterMs: retryAfter(response, now()),
            text: bytes.subarray(0, LOGGED_RESPONSE_BYTES).toString("utf8"),
          });
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
    outgoing.end(body);
  });
}

/** Reads at most `limit` bytes, then stops listening: an endless answer costs no more. */
function readCapped(response: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      response.removeAllListeners("data");
      resolve(Buffer.concat(chunks));
    };
    response.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) {
        done();
        response.destroy();
      }
    });
    response.on("end", done);
    response.on("error", reject);
  });
}

/** Retry-After in seconds or as an HTTP date, for a 429 or 503. */
function retryAfter(response: IncomingMessage, nowMs: number): number | null {
  const value = response.headers["retry-after"];
  if ((response.statusCode !== 429 && response.statusCode !== 503) || typeof value !== "string") return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const when = Date.parse(value);
  return Number.isNaN(when) ? null : Math.max(0, when - nowMs);
}
