/**
 * The shapes of a deep link's parts, free of any dependency so that the embeddable widget can
 * bundle them in a few bytes while the server's zod schemas use the very same rules.
 */

/** The marketplace's 10-character product identifier: upper-case letters and digits. */
export const ASIN_PATTERN = /^[A-Z0-9]{10}$/;

/** A campaign token: letters, digits and `_`, 1 to 50 characters. */
export const REF_TAG_PATTERN = /^[A-Za-z0-9_]{1,50}$/;

/** The ref tag of links from a vendor's own site. */
export const DEFAULT_REF_TAG = "vdr_rf";

export const MAX_REF_TAG_LENGTH = 50;

export const DEFAULT_MARKETPLACE_URL = "https://aws.amazon.com/marketplace";

/**
 * A base URL a link may be built on: absolute http(s), no credentials, query or fragment.
 * Returns it without trailing slashes, or null when it is anything else.
 */
export function normalizeBaseUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  if (url.username || url.password || url.search || url.hash) return null;
  return url.href.replace(/\/+$/, "");
}

/** A visitor's attribution ID, carried on a tracking link as `?aid=`. */
export const ATTRIBUTION_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
