import { errorMessage } from "@offerkit/core";
import type { ClickRecord, ClickWriter } from "@offerkit/db";

/** Where click tracking reports a failure: a structured line with its operation. */
export type ClickLog = (entry: Record<string, unknown>) => void;

export interface ClickRecorderOptions {
  /** The longest a click waits in memory before it is written: what a crash can lose. */
  flushIntervalMs: number;
  /** A batch this large is written at once, without waiting for the interval. */
  maxBatch: number;
  /** Past this many clicks waiting (the database is down), new ones are dropped and counted. */
  maxPending: number;
  log: ClickLog;
}

export interface ClickRecorder {
  /** Queues a click; the redirect never waits for the database. */
  record(click: ClickRecord): void;
  /** Writes everything queued so far. */
  flush(): Promise<void>;
  /**
   * Flushes and stops the timer: call on a graceful stop. A failing write is tried again a few
   * times (waits doubling from the flush interval, five in all), since nothing flushes after.
   */
  close(): Promise<void>;
  /** Clicks waiting to be written. */
  pending(): number;
}

const CLOSE_RETRIES = 5;

export const defaultClickRecorderOptions: Omit<ClickRecorderOptions, "log"> = {
  flushIntervalMs: 50,
  maxBatch: 1000,
  maxPending: 100_000,
};

/**
 * Buffers clicks and writes them in batches, one transaction each: one synchronous insert per
 * click would cost the redirect more than half its speed. A failed write is logged with its
 * operation and retried with the next batch; it is never silently dropped.
 */
export function createClickRecorder(writer: ClickWriter, options: ClickRecorderOptions): ClickRecorder {
  let queue: ClickRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  let dropped = 0;
  let closing = false;

  const drop = (count: number) => {
    const before = dropped;
    dropped += count;
    // One line per thousand dropped: a full queue under load would otherwise log per request.
    if (before === 0 || Math.floor(before / 1000) < Math.floor(dropped / 1000)) {
      options.log({ level: "error", msg: "click queue full; dropping clicks", operation: "recordClick", dropped });
    }
  };

  const write = async () => {
    clearTimeout(timer);
    timer = undefined;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    try {
      await writer.write(batch);
    } catch (error) {
      options.log({ level: "error", msg: "click batch failed; kept for the next flush", operation: "insertClicks", clicks: batch.length, error: errorMessage(error) });
      queue = batch.concat(queue);
      if (queue.length > options.maxPending) drop(queue.splice(options.maxPending).length);
      schedule();
    }
  };

  // One write at a time, and at most one waiting behind it, which takes every click queued by
  // the time it starts: flushes asked for meanwhile join it. Chaining a write per request would
  // make a slow moment end in hundreds of tiny batches, each costing a transaction.
  let waiting: Promise<void> | null = null;
  const flush = () => {
    waiting ??= writing.then(() => {
      waiting = null;
      return write();
    });
    writing = waiting;
    return waiting;
  };

  function schedule() {
    if (!closing) timer ??= setTimeout(() => void flush(), options.flushIntervalMs);
  }

  return {
    record(click) {
      if (queue.length >= options.maxPending) {
        drop(1);
        return;
      }
      queue.push(click);
      if (queue.length >= options.maxBatch) void flush();
      else schedule();
    },
    flush,
    async close() {
      closing = true;
      clearTimeout(timer);
      timer = undefined;
      await flush();
      for (let retry = 0, waitMs = options.flushIntervalMs; retry < CLOSE_RETRIES && queue.length > 0; retry += 1, waitMs *= 2) {
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        await flush();
      }
      if (queue.length > 0) options.log({ level: "error", msg: "clicks not written at stop", operation: "insertClicks", lost: queue.length });
      await writer.close();
    },
    pending: () => queue.length,
  };
}
