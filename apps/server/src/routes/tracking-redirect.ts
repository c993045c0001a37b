import type { IncomingMessage, ServerResponse } from "node:http";
import { classifyTraffic, type TrafficRequest } from "@offerkit/core";
import { readCookie, VISITOR_COOKIE, type ClickTracker, type TrackingResult } from "@offerkit/api";
import type { RateLimiter } from "../limits/rate-limiter";
import type { Logger } from "../observability/logger";
import type { RedirectCounter } from "../observability/server-metrics";
import { requestIdOf } from "../observability/request-id";
import { clientAddress } from "../client-address";
import { createLinkReader } from "./recent-links";

const PAGE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "Content-Security-Policy": "default-src 'none'",
  "X-Content-Type-Options": "nosniff",
};

function page(res: ServerResponse, status: number, title: string, text: string): void {
  res.writeHead(status, PAGE_HEADERS);
  res.end(`<!doctype html><meta charset="utf-8"><title>${title}</title><h1>${title}</h1><p>${text}</p>\n`);
}

/** What the redirect reads of a request: what the traffic rules read, and the two headers that name the visitor. */
interface RedirectRequest extends TrafficRequest {
  cookie: string | undefined;
  forwardedFor: string | undefined;
}

const wantedNames = ["user-agent", "cookie", "x-forwarded-for", "dnt", "sec-gpc", "purpose", "sec-purpose", "x-purpose", "x-moz"];
/** Their lengths: most of a request's headers are passed over without a lowercase copy. */
const wantedLengths = new Set(wantedNames.map((name) => name.length));

/**
 * The few headers the redirect reads, from the raw list in one pass: building `req.headers`
 * for every request would cost the hot path more than all its own work. The first of a
 * repeated header counts, as node reads them; purposes are all kept.
 */
function readRequest(method: string, raw: string[]): RedirectRequest {
  const found: RedirectRequest = { method, userAgent: undefined, dnt: undefined, secGpc: undefined, purpose: undefined, cookie: undefined, forwardedFor: undefined };
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const rawName = raw[i] ?? "";
    if (!wantedLengths.has(rawName.length)) continue;
    const value = raw[i + 1] ?? "";
    switch (rawName.toLowerCase()) {
      case "user-agent":
        found.userAgent ??= value;
        break;
      case "cookie":
        found.cookie ??= value;
        break;
      case "x-forwarded-for":
        found.forwardedFor ??= value;
        break;
      case "dnt":
        found.dnt ??= value;
        break;
      case "sec-gpc":
        found.secGpc ??= value;
        break;
      case "purpose":
      case "sec-purpose":
      case "x-purpose":
      case "x-moz":
        found.purpose = found.purpose === undefined ? value : `${found.purpose}, ${value}`;
        break;
    }
  }
  return found;
}

function attributionIdOf(url: string): string | null {
  const query = url.indexOf("?");
  return query === -1 ? null : new URLSearchParams(url.slice(query + 1)).get("aid");
}

/**
 * `GET /pp/<ASIN>/ref=<tag>`: counts the click and answers 302 to the product's marketplace
 * page. Served on bare node:http, before express, because it is the hot path; it never waits
 * for the database (clicks are written in batches). The target is built from the validated
 * ASIN and tag on the configured marketplace base only: nothing from the request is echoed.
 */
function respond(res: ServerResponse, result: TrackingResult, counter: RedirectCounter): void {
  if (result.kind === "unknown-product") {
    counter.inc(404);
    page(res, 404, "Unknown product", "No product with this ASIN is listed here.");
    return;
  }
  counter.inc(302);
  res.writeHead(
    302,
    result.setCookie
      ? { Location: result.location, "Set-Cookie": result.setCookie, "Cache-Control": "no-store", "Content-Length": "0" }
      : { Location: result.location, "Cache-Control": "no-store", "Content-Length": "0" },
  );
  res.end();
}

export interface TrackingRedirectOptions {
  logger: Logger;
  limiter: RateLimiter;
  counter: RedirectCounter;
  /** Proxies in front whose X-Forwarded-For entries are believed (see `clientAddress`). */
  trustedProxies: number;
}

export function trackingRedirect(tracker: ClickTracker, { logger, limiter, counter, trustedProxies }: TrackingRedirectOptions) {
  const readLink = createLinkReader();
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? "";
    if (req.method !== "GET" && req.method !== "HEAD") {
      counter.inc(405);
      res.writeHead(405, { ...PAGE_HEADERS, Allow: "GET, HEAD" });
      res.end();
      return;
    }
    const request = readRequest(req.method, req.rawHeaders);
    const address = clientAddress(req.socket.remoteAddress ?? "", request.forwardedFor, trustedProxies);
    const wait = limiter.take(address);
    if (wait > 0) {
      counter.inc(429);
      res.writeHead(429, { ...PAGE_HEADERS, "Retry-After": String(wait) });
      res.end("<!doctype html><title>Too many requests</title><h1>Too many requests</h1>\n");
      return;
    }
    const link = readLink(url);
    if (!link.ok) {
      counter.inc(400);
      page(res, 400, "Not a product link", "A product link looks like /pp/&lt;ASIN&gt;/ref=&lt;tag&gt;.");
      return;
    }
    const hit = {
      asin: link.asin,
      refTag: link.refTag,
      verdict: classifyTraffic(request),
      cookie: readCookie(request.cookie, VISITOR_COOKIE),
      attributionId: attributionIdOf(url),
      address,
      userAgent: request.userAgent ?? "",
    };
    // Nearly always answered at once from the caches; the database only on a cold product or a new day.
    const now = tracker.trackNow(hit);
    if (now) {
      respond(res, now, counter);
      return;
    }
    tracker.track(hit).then(
      (result) => respond(res, result, counter),
      (error: unknown) => {
        // Only a failure is logged here: a line per redirect would cost the hot path its speed.
        logger.error({ reqId: requestIdOf(req), operation: "trackClick", error: error instanceof Error ? error.message : String(error) }, "tracking redirect failed");
        counter.inc(500);
        if (!res.headersSent) res.writeHead(500, PAGE_HEADERS).end();
      },
    );
  };
}
