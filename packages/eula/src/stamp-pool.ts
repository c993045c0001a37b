import { Worker } from "node:worker_threads";

/** Makes buyers' copies of EULAs: `stampEula`, somewhere the caller's event loop does not wait on. */
export interface EulaStamper {
  /** The PDF with `footer` on every page, as `stampEula(bytes, footer)` makes it. `bytes` is not modified. */
  stamp(bytes: Uint8Array, footer: string): Promise<Uint8Array>;
}

export interface StampPoolOptions {
  /**
   * Worker threads at most (default 1). One keeps the server's event loop on one core while it
   * stamps on the other, which is all a two-core machine has; a second worker would take CPU from
   * the event loop, and hold another 100 MB or so while it stamps a 1000-page file. Copies are
   * made once per offer and buyer, so a queue behind one worker is short.
   */
  size?: number;
  /**
   * How long a worker may sit idle before it stops (default 30 s). Copies are made once, so the
   * worker is idle nearly always, and an idle one keeps about 70 MB after stamping large files; a
   * new one costs about 170 ms on the next copy.
   */
  idleTimeoutMs?: number;
  /** The worker script. Only tests change it, to one that fails on purpose. */
  workerUrl?: URL;
}

export interface StampPoolStats {
  /** Jobs handed to a worker since the pool was made. */
  jobs: number;
  /** Workers started since the pool was made: the first on the first job, then one after each crash or idle stop. */
  workersStarted: number;
  /** Workers running now. */
  workers: number;
  /** Jobs waiting for a free worker. */
  queued: number;
}

export interface StampPool extends EulaStamper {
  stats(): StampPoolStats;
  /** Refuses queued jobs and stops the workers; a job in progress fails. Idempotent. */
  close(): Promise<void>;
}

/** A copy could not be stamped because the worker stopped (a crash, or the pool closing). */
export class EulaStampError extends Error {
  override readonly name = "EulaStampError";
}

interface Job {
  id: number;
  bytes: Uint8Array;
  footer: string;
  resolve(stamped: Uint8Array): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  idle: NodeJS.Timeout | undefined;
}

type Reply = { id: number; bytes: Uint8Array } | { id: number; error: { name: string; message: string } };

function isReply(value: unknown): value is Reply {
  if (typeof value !== "object" || value === null || !("id" in value)) return false;
  if ("bytes" in value) return value.bytes instanceof Uint8Array;
  return "error" in value && typeof value.error === "object" && value.error !== null;
}

/** What the worker threw, as the same kind of error: a `RangeError` stays one. */
function rebuild({ name, message }: { name: string; message: string }): Error {
  return name === "RangeError" ? new RangeError(message) : new Error(message);
}

/**
 * Stamps EULAs on worker threads (`stamp-worker.mjs`), so a 1000-page file, which keeps pdf-lib
 * busy for 200 ms or more, never holds up the caller's event loop. Workers start on the first job,
 * not before, are unreferenced while idle (an idle pool never keeps a process alive) and stop
 * after `idleTimeoutMs` without work. A worker that dies fails only the job it was running, with
 * an `EulaStampError`; the next job starts a new one. Call `close` on shutdown.
 */
export function createStampPool(options: StampPoolOptions = {}): StampPool {
  const size = options.size ?? 1;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`A stamp pool needs at least one worker, got ${size}`);
  const workerUrl = options.workerUrl ?? new URL("./stamp-worker.mjs", import.meta.url);
  const idleTimeoutMs = options.idleTimeoutMs ?? 30_000;
  const queue: Job[] = [];
  const slots = new Set<Slot>();
  let nextId = 0;
  let jobs = 0;
  let workersStarted = 0;
  let closed = false;
  let closing: Promise<void> | undefined;

  function start(): Slot {
    // No inherited execArgv: the worker is plain JavaScript, and a TypeScript loader the parent
    // was started with would only slow its start.
    const worker = new Worker(workerUrl, { execArgv: [] });
    const slot: Slot = { worker, job: null, idle: undefined };
    workersStarted += 1;
    slots.add(slot);
    worker.unref();
    worker.on("message", (reply: unknown) => {
      const job = slot.job;
      if (job === null || !isReply(reply) || reply.id !== job.id) return;
      slot.job = null;
      worker.unref();
      if ("bytes" in reply) job.resolve(reply.bytes);
      else job.reject(rebuild(reply.error));
      dispatch();
      if (slot.job === null) slot.idle = setTimeout(() => retire(slot), idleTimeoutMs).unref();
    });
    const stopped = (why: string) => {
      // "error" is followed by "exit": the first one settles it.
      if (!slots.delete(slot)) return;
      clearTimeout(slot.idle);
      const job = slot.job;
      slot.job = null;
      void worker.terminate();
      job?.reject(
        new EulaStampError(
          closed ? "The EULA stamping pool closed before this copy was finished" : `The EULA stamping worker stopped before finishing this copy: ${why}`,
        ),
      );
      dispatch();
    };
    worker.on("error", (error) => stopped(error.message));
    worker.on("messageerror", (error) => stopped(`a reply could not be read (${error.message})`));
    worker.on("exit", (code) => stopped(`it exited with code ${code}`));
    return slot;
  }

  /** Stops an idle worker: its memory goes back, and the next job starts a new one. */
  function retire(slot: Slot): void {
    if (slot.job !== null || !slots.delete(slot)) return;
    void slot.worker.terminate();
  }

  function dispatch(): void {
    while (!closed && queue.length > 0) {
      let slot = [...slots].find((candidate) => candidate.job === null);
      if (slot === undefined && slots.size < size) slot = start();
      const job = slot === undefined ? undefined : queue.shift();
      if (slot === undefined || job === undefined) return;
      clearTimeout(slot.idle);
      slot.job = job;
      jobs += 1;
      // Held while it works, so a caller awaiting the copy is not cut short by the process ending.
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, bytes: job.bytes, footer: job.footer });
    }
  }

  return {
    stamp(bytes, footer) {
      if (closed) return Promise.reject(new EulaStampError("The EULA stamping pool is closed"));
      return new Promise<Uint8Array>((resolve, reject) => {
        queue.push({ id: nextId++, bytes, footer, resolve, reject });
        dispatch();
      });
    },
    stats: () => ({ jobs, workersStarted, workers: slots.size, queued: queue.length }),
    close() {
      closing ??= (async () => {
        closed = true;
        for (const job of queue.splice(0)) job.reject(new EulaStampError("The EULA stamping pool closed before this copy was started"));
        await Promise.all([...slots].map((slot) => slot.worker.terminate()));
      })();
      return closing;
    },
  };
}
