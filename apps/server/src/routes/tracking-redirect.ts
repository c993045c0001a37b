import type { IncomingMessage, ServerResponse } from "node:http";
import { classifyTraffic, parseDeepLinkPath } from "@offerkit/core";
import { readCookie, VISITOR_COOKIE, type ClickTracker } from "@offerkit/api";

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
export function trackingRedirect(tracker: ClickTracker) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? "";
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { ...PAGE_HEADERS, Allow: "GET, HEAD" });
      res.end();
      return;
    }
    const link = parseDeepLinkPath(url);
    if (!link.ok) {
      page(res, 400, "Not a product link", "A product link looks like /pp/&lt;ASIN&gt;/ref=&lt;tag&gt;.");
      return;
    }
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const hit = {
      asin: link.asin,
      refTag: link.refTag,
      verdict: classifyTraffic({ method: req.method, userAgent: req.headers["user-agent"], header }),
      cookie: readCookie(req.headers.cookie, VISITOR_COOKIE),
      attributionId: attributionIdOf(url),
      address: req.socket.remoteAddress ?? "",
      userAgent: req.headers["user-agent"] ?? "",
    };
    const result = tracker.trackNow(hit) ?? (await tracker.track(hit));
    if (result.kind === "unknown-product") {
      page(res, 404, "Unknown product", "No product with this ASIN is listed here.");
      return;
    }
    const headers: Record<string, string> = { Location: result.location, "Cache-Control": "no-store", "Content-Length": "0", "Referrer-Policy": "no-referrer-when-downgrade" };
    if (result.setCookie) headers["Set-Cookie"] = result.setCookie;
    res.writeHead(302, headers);
    res.end();
  };
}
