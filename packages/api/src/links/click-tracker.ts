import { randomBytes } from "node:crypto";
import { utcDate, type TrafficVerdict } from "@offerkit/core";
import { dailySalt, deleteSaltsBefore, findProductOwnerByAsin, type Database, type Kysely } from "@offerkit/db";
import type { Clock } from "../deps";
import { createClickRecorder, defaultClickRecorderOptions, type ClickRecorderOptions } from "./click-recorder";
import { visitorCookie, visitorSession } from "./visitor";

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

/**
 * Answers tracking links without waiting for the database: product owners and the day's salt
 * come from small caches, clicks go to a batching recorder.
 */
export function createClickTracker(db: Kysely<Database>, clock: Clock, options: ClickTrackerOptions): ClickTracker {
  const log = options.log ?? ((entry) => console.error(JSON.stringify(entry)));
  const recorder = createClickRecorder(db, { ...defaultClickRecorderOptions, ...options, log });
  const products = new Map<string, { owner: { sellerId: string; productId: string } | null; until: number }>();
  let salt: { day: string; value: Promise<string> } | null = null;

  async function ownerOf(asin: string, now: number) {
    const cached = products.get(asin);
    if (cached && cached.until > now) return cached.owner;
    const owner = await findProductOwnerByAsin(db, asin);
    if (products.size >= MAX_CACHED_PRODUCTS) products.clear();
    products.set(asin, { owner, until: now + (owner ? PRODUCT_TTL_MS : UNKNOWN_PRODUCT_TTL_MS) });
    return owner;
  }

  function saltFor(day: string): Promise<string> {
    if (salt?.day !== day) {
      const value = dailySalt(db, day, randomBytes(32).toString("base64url"));
      // Yesterday's salt is kept for clicks near midnight; older ones are forgotten for good.
      void value.then(() => deleteSaltsBefore(db, utcDate(new Date(Date.parse(day) - 86_400_000)))).catch(() => {});
      salt = { day, value };
      value.catch(() => {
        if (salt?.day === day) salt = null;
      });
    }
    return salt.value;
  }

  return {
    async track(hit) {
      const now = clock.now();
      const owner = await ownerOf(hit.asin, now.getTime());
      if (!owner) return { kind: "unknown-product" };
      const location = `${options.marketplaceUrl}/pp/${hit.asin}/ref=${hit.refTag}`;
      if (hit.verdict === "no-track") return { kind: "redirect", location, setCookie: null };
      const day = utcDate(now);
      const session = visitorSession({ ...hit, salt: await saltFor(day) });
      if (hit.verdict === "count") {
        recorder.record({ ...owner, asin: hit.asin, refTag: hit.refTag, sessionKey: session.key, day, clickedAt: now.toISOString() });
      }
      return { kind: "redirect", location, setCookie: session.setCookie && hit.verdict === "count" ? visitorCookie(session.key, options.secureCookie) : null };
    },
    flush: () => recorder.flush(),
    close: () => recorder.close(),
    pending: () => recorder.pending(),
  };
}
