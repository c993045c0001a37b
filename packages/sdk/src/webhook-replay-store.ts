/**
 * Where a receiver remembers the deliveries it has verified, so that a captured delivery sent
 * again within the tolerance window is refused. A delivery is one signed attempt: the event id
 * with the `webhook-timestamp` it was signed at. Offerkit signs each retry anew, with a new
 * timestamp, so a retry is not a replay and passes; deduplicating retries of one event is the
 * receiver's own work, by the event's `id`, where it records what the event changed.
 */
export interface WebhookReplayStore {
  /**
   * Records `key` until `expiresAt` and answers whether it was already recorded (`true`: a
   * replay). Must record and answer in one atomic step: two receivers given the same delivery at
   * once must not both hear `false` (in a database, an insert against a unique index).
   * After `expiresAt` the key may be forgotten: the timestamp check refuses that delivery by then.
   * (A function-typed property, not a method, so that an implementation's parameters are checked
   * strictly rather than bivariantly.)
   */
  markSeen: (key: string, expiresAt: Date) => boolean | Promise<boolean>;
}

export interface MemoryReplayStoreOptions {
  /** Keys kept at most; when full, the oldest is forgotten first. Default 10 000. */
  maxEntries?: number;
  /** The store's clock, for tests; default `() => new Date()`. */
  now?: () => Date;
}

/**
 * A replay store in this process's memory: for a single receiver process. A fleet of receivers
 * behind a load balancer needs one store they share (see the README), or a replay sent to a
 * second process passes. Size `maxEntries` above the deliveries one process takes within the
 * tolerance window: past it, the oldest keys are forgotten early and could be replayed.
 */
export function createMemoryReplayStore(options: MemoryReplayStoreOptions = {}): WebhookReplayStore {
  const maxEntries = options.maxEntries ?? 10_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be a positive integer, not ${String(maxEntries)}`);
  const now = options.now ?? (() => new Date());
  // Insertion order is close to expiry order (every key lives for the same window from its
  // timestamp), so dropping expired keys from the front keeps the sweep cheap.
  const expiries = new Map<string, number>();

  return {
    markSeen(key, expiresAt) {
      const nowMs = now().getTime();
      for (const [oldKey, expiry] of expiries) {
        if (expiry > nowMs) break;
        expiries.delete(oldKey);
      }
      const known = expiries.get(key);
      if (known !== undefined && known > nowMs) return true;
      expiries.delete(key);
      while (expiries.size >= maxEntries) {
        const oldest = expiries.keys().next();
        if (oldest.done === true) break;
        expiries.delete(oldest.value);
      }
      expiries.set(key, expiresAt.getTime());
      return false;
    },
  };
}
