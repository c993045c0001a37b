import { ASIN_PATTERN, ATTRIBUTION_ID_PATTERN, DEFAULT_MARKETPLACE_URL, DEFAULT_REF_TAG, REF_TAG_PATTERN, normalizeBaseUrl } from "@offerkit/core/link-rules";
import { warnInDevelopment } from "./warn";

export interface DeepLinkOptions {
  /** The product's 10-character ASIN, e.g. `B00635Y2IW`. */
  asin: string;
  /** The campaign's ref tag: letters, digits and `_`, 1 to 50 characters. Default `vdr_rf`. */
  refTag?: string | undefined;
  /**
   * The seller's Offerkit server, e.g. `https://links.example.com`. When set, the link goes
   * through its tracking redirect (`/pp/<ASIN>/ref=<tag>`), which counts the click.
   */
  trackingBaseUrl?: string | undefined;
  /** Where links go without tracking. Default `https://aws.amazon.com/marketplace`. */
  marketplaceUrl?: string | undefined;
  /** An ID the host page gives its visitor, carried to the redirect so conversions attribute. */
  attributionId?: string | undefined;
}

/**
 * The product page link, through the tracking redirect when `trackingBaseUrl` is set.
 * Returns null, and warns in development, for anything malformed: a widget renders no link
 * rather than a broken or foreign one.
 */
export function buildDeepLink(options: DeepLinkOptions): string | null {
  return deepLinkFor(options, "buildDeepLink()");
}

/**
 * `buildDeepLink` for a widget: the warning names `element` (`<MarketplaceLink asin="...">`,
 * `<a id="buy" data-offerkit-asin="...">`), so a developer knows which one to fix.
 */
export function deepLinkFor(options: DeepLinkOptions, element: string): string | null {
  const refuse = (reason: string): null => {
    warnInDevelopment(`${element} renders no link: ${reason}.`);
    return null;
  };
  const refTag = options.refTag ?? DEFAULT_REF_TAG;
  if (!ASIN_PATTERN.test(options.asin)) return refuse(`"${options.asin}" is not an ASIN (10 upper-case letters or digits)`);
  if (!REF_TAG_PATTERN.test(refTag)) return refuse(`"${refTag}" is not a ref tag (1 to 50 letters, digits or _)`);
  const tracked = options.trackingBaseUrl !== undefined;
  const base = normalizeBaseUrl(tracked ? (options.trackingBaseUrl ?? "") : (options.marketplaceUrl ?? DEFAULT_MARKETPLACE_URL));
  if (base === null) return refuse(`${tracked ? "trackingBaseUrl" : "marketplaceUrl"} must be an absolute http(s) URL without query or fragment`);
  const link = `${base}/pp/${options.asin}/ref=${refTag}`;
  const { attributionId } = options;
  if (!tracked || attributionId === undefined) return link;
  if (!ATTRIBUTION_ID_PATTERN.test(attributionId)) return refuse(`"${attributionId}" is not an attribution ID (16 to 64 letters, digits, _ or -)`);
  return `${link}?aid=${attributionId}`;
}
