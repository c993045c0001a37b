import { randomBytes } from "node:crypto";
import { visitorSession, type TrafficVerdict } from "@offerkit/core";
import type { ClickWriter, Database, Kysely } from "@offerkit/db";
import type { Clock } from "../deps";
import { createClickRecorder, defaultClickRecorderOptions, type ClickRecorderOptions } from "./click-recorder";
import { createDailySalt } from "./daily-salt";
import { hashedVisitor } from "./hashed-visitor";
import { createProductCache, type CachedProduct } from "./product-cache";
import { createQueuedVisits } from "./queued-visits";

/** One request to a tracking link, as the transport read it. ASIN and tag are already validated. */
export interface TrackingHit {
  asin: string;
  refTag: string;
  verdict: TrafficVerdict;
  /** The visitor ID the browser's cookie carries, as sent (checked here). */
  cookie: string | null;
  attributionId: string | null;
  address: string;
  userAgent: string;
}

export type TrackingResult =
  | {
      kind: "redirect";
      /** The product's marketplace page with the tag: where the visitor goes. */
      location: string;
      /** The visitor's session, or null when the visit is not tracked. */
      visitorId: string | null;
      /** The browser must be given `visitorId` (again): its 30 days run from this click. */
      refreshCookie: boolean;
    }
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
}

/** 16 random characters: with the 34 of a hash they make a visitor ID of 50, within the 64 allowed. */
const randomVisitorPart = () => randomBytes(12).toString("base64url");

/**
 * Records a click on a tracking link and answers where to send the visitor, without waiting
 * for the database: products and the day's salt come from small caches, clicks go to a
 * batching recorder. HTTP (headers, the cookie) is the transport's.
 */
export function createClickTracker({ db, writer }: { db: Kysely<Database>; writer: ClickWriter }, clock: Clock, options: ClickTrackerOptions): ClickTracker {
  const log = options.log ?? ((entry) => console.error(JSON.stringify(entry)));
  const recorder = createClickRecorder(writer, { ...defaultClickRecorderOptions, ...options, log });
  const products = createProductCache(db, clock, options.marketplaceUrl, log);
  const salts = createDailySalt(db, log);
  const queued = createQueuedVisits();

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

  /** The redirect, and the click counted. Without the day's salt (the database is down at midnight) a visitor known only by its hash is sent on, not counted. */
  function answer(product: CachedProduct, hit: TrackingHit, clickedAt: string, day: string, salt: string | null): TrackingResult {
    if (!product.known) return { kind: "unknown-product" };
    const link = products.link(product, hit.asin, hit.refTag);
    if (hit.verdict !== "count") return { kind: "redirect", location: link.location, visitorId: null, refreshCookie: false };
    const session = visitorSession(hit.attributionId, hit.cookie, () => (salt === null ? null : hashedVisitor(salt, hit.address, hit.userAgent)), randomVisitorPart);
    if (session === null) return { kind: "redirect", location: link.location, visitorId: null, refreshCookie: false };
    const counted = queued.isNew(link.id, day, session.visitorId);
    if (counted) recorder.record({ asin: hit.asin, refTag: hit.refTag, sessionKey: session.visitorId, day, clickedAt });
    // A counted click hands the ID over again: its 30 days run from the latest click, which a
    // conversion within those days is credited to.
    return { kind: "redirect", location: link.location, visitorId: session.visitorId, refreshCookie: session.handOver || counted };
  }

  return {
    trackNow(hit) {
      const now = clock.now();
      const { iso, day } = timestamp(now);
      const salt = salts.current(day);
      const cached = salt === null ? undefined : products.peek(hit.asin, now.getTime());
      if (cached === undefined) return null;
      return answer(cached, hit, iso, day, salt);
    },
    async track(hit) {
      const now = clock.now();
      const { iso, day } = timestamp(now);
      const product = products.peek(hit.asin, now.getTime()) ?? (await products.load(hit.asin, now.getTime()));
      if (!product.known) return { kind: "unknown-product" };
      const salt = salts.current(day) ?? (await salts.load(day).catch(() => null));
      return answer(product, hit, iso, day, salt);
    },
    flush: () => recorder.flush(),
    close: () => recorder.close(),
    pending: () => recorder.pending(),
  };
}
