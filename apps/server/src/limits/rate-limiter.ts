/** At most `perMinute` requests per key in each minute; 0 turns the limit off. */
export interface RateLimiter {
  /** 0 when the request may go on (and is counted); else the whole seconds until it may. */
  take(key: string): number;
}

const WINDOW_MS = 60_000;
/**
 * Keys counted one by one in a window at most; beyond it, new keys share one count rather than
 * grow memory. Shared, not let through: a flood of made-up keys (tokens, addresses) must not
 * switch the limit off for everyone else.
 */
const MAX_KEYS = 100_000;
const OVERFLOW = "\u0000overflow";

/**
 * Fixed one-minute windows counted in a Map of numbers: O(1) and nearly allocation-free per
 * request, for the redirect's hot path. A new window starts a new Map, so keys never pile up.
 * Counts live in this process: on a fleet, each server counts on its own.
 */
export function createRateLimiter(perMinute: number, now: () => number = Date.now, maxKeys = MAX_KEYS): RateLimiter {
  if (perMinute === 0) return { take: () => 0 };
  let windowEnd = 0;
  let counts = new Map<string, number>();
  return {
    take(key) {
      const at = now();
      if (at >= windowEnd) {
        windowEnd = at - (at % WINDOW_MS) + WINDOW_MS;
        counts = new Map();
      }
      let counted = key;
      let count = counts.get(key);
      if (count === undefined) {
        if (counts.size >= maxKeys) counted = OVERFLOW;
        count = counts.get(counted) ?? 0;
      }
      if (count >= perMinute) return Math.max(1, Math.ceil((windowEnd - at) / 1000));
      counts.set(counted, count + 1);
      return 0;
    },
  };
}
