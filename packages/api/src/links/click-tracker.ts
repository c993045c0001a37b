import { randomBytes } from "node:crypto";
import { utcDate, type TrafficVerdict } from "@offerkit/core";
import { dailySalt, deleteSaltsBefore, findProductOwnerByAsin, type ClickWriter, type Database, type Kysely } from "@offerkit/db";
import type { Clock } from "../deps";
import { createClickRecorder, defaultClickRecorderOptions, type ClickRecorderOptions } from "./click-recorder";
import { hashedVisitor, visitorCookie, visitorSession } from "./visitor";

/** One request to a tracking link, as the transport read it. ASIN and tag are already validated. */
export interface TrackingHit {
  asin: string;
  refTag: string;
  verdict: TrafficVerdict;
  cookie: string | null;
  attributionId: string | null;
  address: string;
  userAgent: string;
}

export type TrackingResult =
  | { kind: "redirect"; location: string; setCookie: string | null }
  | { kind: "unknown-product" };

export interface ClickTracker {
  /**
   * The answer at once when the product and the day's salt are cached (nearly always); else
   * null. An expired product is still answered from the cache while one lookup refreshes it.
   */
  trackNow(hit: TrackingHit): TrackingResult | null;
  /** The answer, loading what is not cached. */
  track(hit: TrackingHit): Promise<TrackingResult>;
  /** Writes queued clicks now. */
  flush(): Promise<void>;
  /** Writes queued clicks and stops: part of a graceful stop. */
  close(): Promise<void>;
  pending(): number;
}

export interface ClickTrackerOptions extends Partial<ClickRecorderOptions> {
  /** The marketplace base, already validated: links go there and nowhere else. */
  marketplaceUrl: string;
  /** Set the cookie's Secure flag (the server is reached over https). */
  secureCookie: boolean;
}

/** 16 random characters: with the 34 of a hash they make a visitor ID of 50, within the 64 allowed. */
const randomVisitorPart = () => randomBytes(12).toString("base64url");

const PRODUCT_TTL_MS = 30_000;
const UNKNOWN_PRODUCT_TTL_MS = 5_000;
/** After a failed refresh, the cached answer is served this long before the next try. */
const REFRESH_RETRY_MS = 1_000;
const MAX_CACHED_PRODUCTS = 10_000;
const MAX_CACHED_LINKS = 1_000;
/** Visitors remembered as already queued today; past this, the memory starts over. */
const MAX_REMEMBERED_VISITORS = 100_000;
/** Links remembered per visitor: a visitor (or a made-up one) cannot grow the memory past this. */
const MAX_LINKS_PER_VISITOR = 16;

/** What the tracker keeps per product and ref tag. */
interface CachedLink {
  /** A number for the link, never reused, for the memory of visitors below. */
  id: number;
  /** The marketplace URL: one string per link, made once, rather than one per redirect. */
  location: string;
}

interface CachedProduct {
  known: boolean;
  until: number;
  links: Map<string, CachedLink>;
}

/**
 * Answers tracking links without waiting for the database: product owners and the day's salt
 * come from small caches, clicks go to a batching recorder.
 */
export function createClickTracker(
  { db, writer }: { db: Kysely<Database>; writer: ClickWriter },
  clock: Clock,
  options: ClickTrackerOptions,
): ClickTracker {
  const log = options.log ?? ((entry) => console.error(JSON.stringify(entry)));
  const recorder = createClickRecorder(writer, { ...defaultClickRecorderOptions, ...options, log });
  const products = new Map<string, CachedProduct>();
  let salt: { day: string; value: string } | null = null;
  let linksMade = 0;
  // The visitors this server queued a click of today, with the links they clicked. A repeat is
  // a click the database would ignore (one per visitor, day, product and tag): it is not queued
  // again, which spares the writer the clicks of returning visitors. Forgetting a visit only
  // costs a write the database ignores.
  let queued = { day: "", visitors: new Map<string, number[]>() };

  // One lookup at a time per product, and one salt per day, however many requests ask: when an
  // entry expires under load, thousands of requests would otherwise each run the same query.
  const productLoads = new Map<string, Promise<CachedProduct>>();
  let saltLoad: { day: string; value: Promise<string> } | null = null;

  function loadProduct(asin: string, now: number): Promise<CachedProduct> {
    let load = productLoads.get(asin);
    if (load === undefined) {
      load = (async () => {
        const known = (await findProductOwnerByAsin(db, asin)) !== null;
        // A product looked up again keeps its links: the visitors queued today know them by number.
        const links = products.get(asin)?.links ?? new Map<string, CachedLink>();
        if (products.size >= MAX_CACHED_PRODUCTS) products.clear();
        const entry = { known, until: now + (known ? PRODUCT_TTL_MS : UNKNOWN_PRODUCT_TTL_MS), links };
        products.set(asin, entry);
        return entry;
      })().finally(() => productLoads.delete(asin));
      productLoads.set(asin, load);
    }
    return load;
  }

  /** An expired entry is still served while one lookup refreshes it, and kept if that fails. */
  function refresh(asin: string, stale: CachedProduct, now: number): void {
    if (productLoads.has(asin)) return;
    loadProduct(asin, now).catch((error: unknown) => {
      // From when it failed: a lookup may take its whole timeout to fail.
      stale.until = clock.now().getTime() + REFRESH_RETRY_MS;
      log({ level: "error", msg: "product lookup failed; the cached answer is served", operation: "findProductOwnerByAsin", asin, error: error instanceof Error ? error.message : String(error) });
    });
  }

  function loadSalt(day: string): Promise<string> {
    if (saltLoad?.day !== day) {
      const load = {
        day,
        value: (async () => {
          const value = await dailySalt(db, day, randomBytes(32).toString("base64url"));
          salt = { day, value };
          // Yesterday's salt is kept for clicks near midnight; older ones are forgotten for good.
          await deleteSaltsBefore(db, utcDate(new Date(Date.parse(day) - 86_400_000)));
          return value;
        })(),
      };
      // A failed load is kept a moment, so that the requests meanwhile do not each try again.
      load.value.catch((error: unknown) => {
        log({ level: "error", msg: "daily salt failed; cookieless visits are not counted meanwhile", operation: "dailySalt", error: error instanceof Error ? error.message : String(error) });
        setTimeout(() => {
          if (saltLoad === load) saltLoad = null;
        }, REFRESH_RETRY_MS).unref();
      });
      saltLoad = load;
    }
    return saltLoad.value;
  }

  // Thousands of clicks share each millisecond: format its timestamp once.
  let stamp = { ms: Number.NaN, iso: "", day: "" };
  function timestamp(now: Date) {
    const ms = now.getTime();
    if (ms !== stamp.ms) {
      const iso = now.toISOString();
      stamp = { ms, iso, day: iso.slice(0, 10) };
    }
    return stamp;
  }

  function linkOf(product: CachedProduct, hit: TrackingHit): CachedLink {
    let link = product.links.get(hit.refTag);
    if (link === undefined) {
      linksMade += 1;
      link = { id: linksMade, location: `${options.marketplaceUrl}/pp/${hit.asin}/ref=${hit.refTag}` };
      if (product.links.size >= MAX_CACHED_LINKS) product.links.clear();
      product.links.set(hit.refTag, link);
    }
    return link;
  }

  function isNewVisit(link: CachedLink, day: string, visitor: string): boolean {
    if (queued.day !== day || queued.visitors.size >= MAX_REMEMBERED_VISITORS) queued = { day, visitors: new Map() };
    const links = queued.visitors.get(visitor);
    if (links === undefined) {
      queued.visitors.set(visitor, [link.id]);
      return true;
    }
    if (links.includes(link.id)) return false;
    if (links.length < MAX_LINKS_PER_VISITOR) links.push(link.id);
    return true;
  }

  /** The redirect, and the click counted. Without the day's salt (the database is down at midnight) a visitor known only by its hash is sent on, not counted. */
  function answer(product: CachedProduct, hit: TrackingHit, clickedAt: string, day: string, daySalt: string | null): TrackingResult {
    if (!product.known) return { kind: "unknown-product" };
    const link = linkOf(product, hit);
    if (hit.verdict !== "count") return { kind: "redirect", location: link.location, setCookie: null };
    const session = visitorSession(hit.attributionId, hit.cookie, () => (daySalt === null ? null : hashedVisitor(daySalt, hit.address, hit.userAgent)), randomVisitorPart);
    if (session === null) return { kind: "redirect", location: link.location, setCookie: null };
    const counted = isNewVisit(link, day, session.key);
    if (counted) recorder.record({ asin: hit.asin, refTag: hit.refTag, sessionKey: session.key, day, clickedAt });
    // A counted click sets the cookie again: its 30 days run from the latest click, which a
    // conversion within those days is credited to.
    return { kind: "redirect", location: link.location, setCookie: session.setCookie || counted ? visitorCookie(session.key, options.secureCookie) : null };
  }

  return {
    trackNow(hit) {
      const now = clock.now();
      const cached = products.get(hit.asin);
      const { iso, day } = timestamp(now);
      if (!cached || salt?.day !== day) return null;
      if (cached.until <= now.getTime()) refresh(hit.asin, cached, now.getTime());
      return answer(cached, hit, iso, day, salt.value);
    },
    async track(hit) {
      const now = clock.now();
      const { iso, day } = timestamp(now);
      const cached = products.get(hit.asin);
      if (cached && cached.until <= now.getTime()) refresh(hit.asin, cached, now.getTime());
      const product = cached ?? (await loadProduct(hit.asin, now.getTime()));
      if (!product.known) return { kind: "unknown-product" };
      const daySalt = salt?.day === day ? salt.value : await loadSalt(day).catch(() => null);
      return answer(product, hit, iso, day, daySalt);
    },
    flush: () => recorder.flush(),
    close: () => recorder.close(),
    pending: () => recorder.pending(),
  };
}
