import { errorMessage } from "@offerkit/core";
import { claimWebhookDelivery, listDueWebhookDeliveries, pruneWebhookLog, type DueWebhookDelivery } from "@offerkit/db";
import { createBackgroundJob } from "../background-job";
import { systemScheduler, type Scheduler } from "../scheduler";
import { announceTimeEvents } from "./announce-time-events";
import { deliverWebhook, type WebhookDeps } from "./deliver-webhook";
import type { WebhookSettings } from "./settings";

export interface DelivererOptions {
  scheduler?: Scheduler;
  /** How often the deliverer looks for due deliveries. */
  tickMs?: number;
  /** How many deliveries one tick claims at most. */
  batchSize?: number;
  /** How many are sent at once: one slow endpoint does not hold up the others. */
  concurrency?: number;
  /** How often offers past their deadline and ended agreements are looked for, and the log pruned. */
  sweepMs?: number;
  random?: () => number;
  /** Told of an unexpected error; it never stops the deliverer. */
  onError?: (error: unknown) => void;
}

export interface WebhookDeliverer {
  /** Claims and sends every delivery due now, once; answers how many it sent. */
  runOnce(): Promise<number>;
  /** Writes the clock's events and prunes the log, once. */
  sweepOnce(): Promise<void>;
  start(): void;
  /** Stops ticking and waits for the attempts in progress. */
  close(): Promise<void>;
}

/**
 * The background job that delivers webhooks from the outbox. Every server of a fleet runs one:
 * each due delivery is claimed by one server (its next attempt moved past a lease only if no
 * other moved it first), and a server stopped mid-attempt leaves it due again once the lease ends.
 */
export function createWebhookDeliverer(deps: WebhookDeps, settings: WebhookSettings, options: DelivererOptions = {}): WebhookDeliverer {
  const scheduler = options.scheduler ?? systemScheduler;
  const tickMs = options.tickMs ?? 250;
  const batchSize = options.batchSize ?? 50;
  const concurrency = options.concurrency ?? 8;
  const sweepMs = options.sweepMs ?? 60_000;
  const onError = options.onError ?? ((error: unknown) => console.error("webhook deliverer:", error));
  const random = options.random ?? Math.random;

  let lastSweep = Number.NEGATIVE_INFINITY;

  async function attempt(delivery: DueWebhookDelivery): Promise<boolean> {
    const leaseUntil = new Date(deps.clock.now().getTime() + settings.leaseMs).toISOString();
    if (!(await claimWebhookDelivery(deps.db, delivery, leaseUntil))) return false;
    await deliverWebhook(deps, settings, delivery, { random, onError: (message) => onError(new Error(message)) });
    return true;
  }

  async function runOnce(): Promise<number> {
    const due = await listDueWebhookDeliveries(deps.db, deps.clock.now().toISOString(), batchSize);
    let sent = 0;
    const queue = [...due];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        try {
          if (await attempt(next)) sent += 1;
        } catch (error) {
          onError(error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    return sent;
  }

  async function sweepOnce(): Promise<void> {
    await announceTimeEvents(deps);
    const before = new Date(deps.clock.now().getTime() - settings.logRetentionDays * 86_400_000).toISOString();
    await pruneWebhookLog(deps.db, before);
  }

  /** A sweep when one is due, then the due deliveries; a full batch means more are waiting. */
  async function tick(): Promise<boolean> {
    const nowMs = deps.clock.now().getTime();
    if (nowMs - lastSweep >= sweepMs) {
      lastSweep = nowMs;
      await sweepOnce().catch((error: unknown) => onError(new Error(`webhook sweep: ${errorMessage(error)}`)));
    }
    return (await runOnce()) >= batchSize;
  }

  const job = createBackgroundJob(tick, { scheduler, tickMs, onError });
  return { runOnce, sweepOnce, start: job.start, close: job.close };
}
