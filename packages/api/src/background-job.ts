import type { Scheduler } from "./scheduler";

export interface BackgroundJob {
  /** Runs the work now and then again after each run, until `close`. */
  start(): void;
  /** Stops and waits for the run in progress. */
  close(): Promise<void>;
}

/**
 * Runs `work` now, then again `tickMs` after each run ends, or at once when a run answers that
 * more is waiting. An error of a run is reported and the next run comes all the same.
 */
export function createBackgroundJob(
  work: () => Promise<boolean>,
  { scheduler, tickMs, onError }: { scheduler: Scheduler; tickMs: number; onError: (error: unknown) => void },
): BackgroundJob {
  let timer: { cancel(): void } | null = null;
  let running: Promise<unknown> | null = null;
  let closed = false;

  function tick() {
    timer = null;
    if (closed) return;
    let more = false;
    running = work()
      .then((answer) => {
        more = answer;
      })
      .catch(onError)
      .finally(() => {
        running = null;
        if (!closed) timer = scheduler.after(more ? 0 : tickMs, tick);
      });
  }

  return {
    start() {
      if (closed || timer || running) return;
      tick();
    },
    async close() {
      closed = true;
      timer?.cancel();
      timer = null;
      await running;
    },
  };
}
