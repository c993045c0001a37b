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
  /** The answer at once when the product and the day's salt are cached (nearly always); else null. */
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

const PRODUCT_TTL_MS = 30_000;
const UNKNOWN_PRODUCT_TTL_MS = 5_000;
const MAX_CACHED_PRODUCTS = 10_000;
const MAX_CACHED_LINKS = 1_000;
/** Visitors remembered per link as already queued today; past this, that memory starts over. */
const MAX_REMEMBERED_VISITORS = 50_000;

/** What the tracker keeps per product and ref tag. */
interface CachedLink {
  /** The marketplace URL: one string per link, made once, rather than one per redirect. */
  location: string;
  /**
   * The visitors this server queued a click of today. A repeat is a click the database would
   * ignore (one per visitor, day, product and tag): it is not queued again, which spares the
   * writer the clicks of returning visitors. Forgetting one only costs a write the database ignores.
   */
  queued: { day: string; visitors: Set<string> };
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

  async function loadProduct(asin: string, now: number): Promise<CachedProduct> {
    const known = (await findProductOwnerByAsin(db, asin)) !== null;
    // A product looked up again keeps its links, and with them the visitors queued today.
    const links = products.get(asin)?.links ?? new Map<string, CachedLink>();
    if (products.size >= MAX_CACHED_PRODUCTS) products.clear();
    const entry = { known, until: now + (known ? PRODUCT_TTL_MS : UNKNOWN_PRODUCT_TTL_MS), links };
    products.set(asin, entry);
    return entry;
  }

  async function loadSalt(day: string): Promise<string> {
    const value = await dailySalt(db, day, randomBytes(32).toString("base64url"));
    salt = { day, value };
    // Yesterday's salt is kept for clicks near midnight; older ones are forgotten for good.
    await deleteSaltsBefore(db, utcDate(new Date(Date.parse(day) - 86_400_000)));
    return value;
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
      link = { location: `${options.marketplaceUrl}/pp/${hit.asin}/ref=${hit.refTag}`, queued: { day: "", visitors: new Set() } };
      if (product.links.size >= MAX_CACHED_LINKS) product.links.clear();
      product.links.set(hit.refTag, link);
    }
    return link;
  }

  function isNewVisit(link: CachedLink, day: string, visitor: string): boolean {
    if (link.queued.day !== day || link.queued.visitors.size >= MAX_REMEMBERED_VISITORS) link.queued = { day, visitors: new Set() };
    if (link.queued.visitors.has(visitor)) return false;
    link.queued.visitors.add(visitor);
    return true;
  }

  function answer(product: CachedProduct, hit: TrackingHit, clickedAt: string, day: string, daySalt: string): TrackingResult {
    if (!product.known) return { kind: "unknown-product" };
    const link = linkOf(product, hit);
    if (hit.verdict !== "count") return { kind: "redirect", location: link.location, setCookie: null };
    const session = visitorSession(hit.attributionId, hit.cookie, () => hashedVisitor(daySalt, hit.address, hit.userAgent));
    if (isNewVisit(link, day, session.key)) recorder.record({ asin: hit.asin, refTag: hit.refTag, sessionKey: session.key, day, clickedAt });
    return { kind: "redirect", location: link.location, setCookie: session.setCookie ? visitorCookie(session.key, options.secureCookie) : null };
  }

  return {
    trackNow(hit) {
      const now = clock.now();
      const cached = products.get(hit.asin);
      const { iso, day } = timestamp(now);
      if (!cached || cached.until <= now.getTime() || salt?.day !== day) return null;
      return answer(cached, hit, iso, day, salt.value);
    },
    async track(hit) {
      const now = clock.now();
      const { iso, day } = timestamp(now);
      const cached = products.get(hit.asin);
      const product = cached && cached.until > now.getTime() ? cached : await loadProduct(hit.asin, now.getTime());
      if (!product.known) return { kind: "unknown-product" };
      return answer(product, hit, iso, day, salt?.day === day ? salt.value : await loadSalt(day));
    },
    flush: () => recorder.flush(),
    close: () => recorder.close(),
    pending: () => recorder.pending(),
  };
}
