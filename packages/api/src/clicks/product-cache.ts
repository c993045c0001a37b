import { errorMessage } from "@offerkit/core";
import { findProductOwnerByAsin, type Database, type Kysely } from "@offerkit/db";
import type { Clock } from "../deps";
import type { ClickLog } from "./click-recorder";

const PRODUCT_TTL_MS = 30_000;
const UNKNOWN_PRODUCT_TTL_MS = 5_000;
/** After a failed refresh, the cached answer is served this long before the next try. */
const REFRESH_RETRY_MS = 1_000;
const MAX_CACHED_PRODUCTS = 10_000;
const MAX_CACHED_LINKS = 1_000;

/** One product's page with one ref tag. */
export interface CachedLink {
  /** A number for the link, never reused, by which the tracker remembers who clicked it. */
  id: number;
  /** The marketplace URL: one string per link, made once, rather than one per redirect. */
  location: string;
}

export interface CachedProduct {
  /** Whether a seller lists a product with this ASIN here. */
  known: boolean;
  until: number;
  links: Map<string, CachedLink>;
}

export interface ProductCache {
  /**
   * The cached entry, or undefined when the product was never looked up. An expired entry is
   * still answered while one lookup refreshes it, and kept if that lookup fails.
   */
  peek(asin: string, nowMs: number): CachedProduct | undefined;
  /** Looks the product up: one lookup at a time per product, however many requests ask. */
  load(asin: string, nowMs: number): Promise<CachedProduct>;
  /** The product's page with this tag, on the marketplace base only. */
  link(product: CachedProduct, asin: string, refTag: string): CachedLink;
}

/** Which ASINs are listed here, and the links to their pages, kept in memory for the redirect. */
export function createProductCache(db: Kysely<Database>, clock: Clock, marketplaceUrl: string, log: ClickLog): ProductCache {
  const products = new Map<string, CachedProduct>();
  // When an entry expires under load, thousands of requests would otherwise each run the same query.
  const loads = new Map<string, Promise<CachedProduct>>();
  let linksMade = 0;

  function load(asin: string, nowMs: number): Promise<CachedProduct> {
    let loading = loads.get(asin);
    if (loading === undefined) {
      loading = (async () => {
        const known = (await findProductOwnerByAsin(db, asin)) !== null;
        // A product looked up again keeps its links: the visitors queued today know them by number.
        const links = products.get(asin)?.links ?? new Map<string, CachedLink>();
        if (products.size >= MAX_CACHED_PRODUCTS) products.clear();
        const entry = { known, until: nowMs + (known ? PRODUCT_TTL_MS : UNKNOWN_PRODUCT_TTL_MS), links };
        products.set(asin, entry);
        return entry;
      })().finally(() => loads.delete(asin));
      loads.set(asin, loading);
    }
    return loading;
  }

  function refresh(asin: string, stale: CachedProduct, nowMs: number): void {
    if (loads.has(asin)) return;
    load(asin, nowMs).catch((error: unknown) => {
      // From when it failed: a lookup may take its whole timeout to fail.
      stale.until = clock.now().getTime() + REFRESH_RETRY_MS;
      log({ level: "error", msg: "product lookup failed; the cached answer is served", operation: "findProductOwnerByAsin", asin, error: errorMessage(error) });
    });
  }

  return {
    peek(asin, nowMs) {
      const cached = products.get(asin);
      if (cached !== undefined && cached.until <= nowMs) refresh(asin, cached, nowMs);
      return cached;
    },
    load,
    link(product, asin, refTag) {
      let link = product.links.get(refTag);
      if (link === undefined) {
        linksMade += 1;
        link = { id: linksMade, location: `${marketplaceUrl}/pp/${asin}/ref=${refTag}` };
        if (product.links.size >= MAX_CACHED_LINKS) product.links.clear();
        product.links.set(refTag, link);
      }
      return link;
    },
  };
}
