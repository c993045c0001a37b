import type { IncomingMessage, ServerResponse } from "node:http";
import { classifyTraffic, errorMessage } from "@offerkit/core";
import type { ClickTracker, TrackingResult } from "@offerkit/api";
import { clientAddress } from "../client-address";
import type { RateLimiter } from "../limits/rate-limiter";
import type { Logger } from "../observability/logger";
import { requestIdOf } from "../observability/request-id";
import type { RedirectCounter } from "../observability/server-metrics";
import { createPathCache } from "./path-cache";
import { attributionIdOf, readRedirectRequest } from "./redirect-request";
import { readCookie, VISITOR_COOKIE, visitorCookie } from "./visitor-cookie";

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

/** The tracker's answer as HTTP: the redirect, with the visitor's cookie when it must be (re)set. */
function respond(res: ServerResponse, result: TrackingResult, counter: RedirectCounter, secureCookie: boolean): void {
  if (result.kind === "unknown-product") {
    counter.inc(404);
    page(res, 404, "Unknown product", "No product with this ASIN is listed here.");
    return;
  }
  counter.inc(302);
  res.writeHead(
    302,
    result.refreshCookie && result.visitorId !== null
      ? { Location: result.location, "Set-Cookie": visitorCookie(result.visitorId, secureCookie), "Cache-Control": "no-store", "Content-Length": "0" }
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
  /** Set the cookie's Secure flag (the server is reached over https). */
  secureCookie: boolean;
}

/**
 * `GET /pp/<ASIN>/ref=<tag>`: counts the click and answers 302 to the product's marketplace
 * page. Served on bare node:http, before express, because it is the hot path; it never waits
 * for the database (clicks are written in batches). The target is built from the validated
 * ASIN and tag on the configured marketplace base only: nothing from the request is echoed.
 */
export function trackingRedirect(tracker: ClickTracker, { logger, limiter, counter, trustedProxies, secureCookie }: TrackingRedirectOptions) {
  const readLink = createPathCache();
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? "";
    if (req.method !== "GET" && req.method !== "HEAD") {
      counter.inc(405);
      res.writeHead(405, { ...PAGE_HEADERS, Allow: "GET, HEAD" });
      res.end();
      return;
    }
    const request = readRedirectRequest(req.method, req.rawHeaders);
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
      respond(res, now, counter, secureCookie);
      return;
    }
    tracker.track(hit).then(
      (result) => respond(res, result, counter, secureCookie),
      (error: unknown) => {
        // Only a failure is logged here: a line per redirect would cost the hot path its speed.
        logger.error({ reqId: requestIdOf(req), operation: "trackClick", error: errorMessage(error) }, "tracking redirect failed");
        counter.inc(500);
        if (!res.headersSent) res.writeHead(500, PAGE_HEADERS).end();
      },
    );
  };
}
