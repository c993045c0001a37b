import type { TrafficRequest } from "@offerkit/core";

/** What the redirect reads of a request: what the traffic rules read, and the two headers that name the visitor. */
export interface RedirectRequest extends TrafficRequest {
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
export function readRedirectRequest(method: string, raw: string[]): RedirectRequest {
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

/** The `aid` query parameter a link may carry, as sent (the tracker checks its shape). */
export function attributionIdOf(url: string): string | null {
  const query = url.indexOf("?");
  return query === -1 ? null : new URLSearchParams(url.slice(query + 1)).get("aid");
}
