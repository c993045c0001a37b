import { z } from "zod";
import { asinSchema } from "./ids";
import { DEFAULT_REF_TAG, MAX_REF_TAG_LENGTH, REF_TAG_PATTERN } from "./link-rules";

export { DEFAULT_MARKETPLACE_URL, DEFAULT_REF_TAG, MAX_REF_TAG_LENGTH } from "./link-rules";

/**
 * A campaign token: letters, digits and `_`, 1 to 50 characters (`vdr_rf`, `ads_google_q3`,
 * `acme_ptnr_launch`). Anything else is refused, never "cleaned".
 */
export const refTagSchema = z
  .string()
  .min(1, "A ref tag has 1 to 50 characters")
  .max(MAX_REF_TAG_LENGTH, "A ref tag has 1 to 50 characters")
  .regex(REF_TAG_PATTERN, "A ref tag uses letters, digits and _ only, e.g. ads_google_q3")
  .describe("The campaign's ref tag: letters, digits and _");

/**
 * The marketplace's base URL: absolute http(s), no query, no fragment (not even an empty `?` or
 * `#`, which would swallow the path put after it), no credentials. Kept as the URL parser
 * writes it, without a trailing slash: plain ASCII, so a `Location` header can always carry it.
 */
export const marketplaceUrlSchema = z
  .url({ protocol: /^https?$/, error: "The marketplace URL must be an absolute http(s) URL" })
  .refine((value) => {
    const url = new URL(value);
    return !/[?#]/.test(value) && url.username === "" && url.password === "";
  }, "The marketplace URL has no query, fragment or credentials")
  .transform((value) => new URL(value).href.replace(/\/+$/, ""));

/** Online-ad campaigns' tags begin with this, exactly (`ADS_x` is not one). */
export const ONLINE_AD_TAG_PREFIX = "ads_";
/** Partner campaigns' tags contain this, exactly. */
export const PARTNER_TAG_MARK = "_ptnr_";

/** Online-ad campaigns, which the weekly report covers. */
export function isOnlineAdTag(tag: string): boolean {
  return tag.startsWith(ONLINE_AD_TAG_PREFIX);
}

/** Partner campaigns, which the weekly report covers. */
export function isPartnerTag(tag: string): boolean {
  return tag.includes(PARTNER_TAG_MARK);
}

/** The tags the weekly report covers: online ads and partners. */
export function isWeeklyReportTag(tag: string): boolean {
  return isOnlineAdTag(tag) || isPartnerTag(tag);
}

export const deepLinkInputSchema = z.strictObject({
  asin: asinSchema,
  refTag: refTagSchema.default(DEFAULT_REF_TAG),
});
export type DeepLinkInput = z.input<typeof deepLinkInputSchema>;

/**
 * The product page link, `<marketplace>/pp/<ASIN>/ref=<tag>`. Throws on a malformed ASIN or
 * tag: a link is only ever built from validated parts, and only to the given base.
 */
export function buildDeepLink(marketplaceUrl: string, input: DeepLinkInput): string {
  const base = marketplaceUrlSchema.parse(marketplaceUrl);
  const { asin, refTag } = deepLinkInputSchema.parse(input);
  return `${base}/pp/${asin}/ref=${refTag}`;
}

/**
 * The path shape Offerkit serves itself: `/pp/<ASIN>/ref=<tag>` or `/pp/<ASIN>`, with an
 * optional trailing slash. Matched on the raw path, before any percent-decoding, so an encoded
 * slash or a look-alike character can never turn into something else.
 */
const deepLinkPath = /^\/pp\/([A-Z0-9]{10})(?:\/ref=([A-Za-z0-9_]{1,50}))?\/?$/;

export type ParsedDeepLink = { ok: true; asin: string; refTag: string } | { ok: false; reason: string };

/** Reads a request path (query string allowed, and ignored); never throws. */
export function parseDeepLinkPath(rawPath: string): ParsedDeepLink {
  const path = rawPath.split("?", 1)[0] ?? "";
  const match = deepLinkPath.exec(path);
  if (!match?.[1]) {
    return { ok: false, reason: "A link looks like /pp/<ASIN>/ref=<tag>: a 10-character ASIN and a tag of letters, digits and _" };
  }
  return { ok: true, asin: match[1], refTag: match[2] ?? DEFAULT_REF_TAG };
}
