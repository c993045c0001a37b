import { errorMessage } from "@offerkit/core";
import { claimWebhookDelivery, listDueWebhookDeliveries, pruneWebhookLog, type DueWebhookDelivery } from "@offerkit/db";
import { createBackgroundJob } from "../background-job";
import { systemScheduler, type Scheduler } from "../scheduler";
import { announceTimeEvents } from "./announce-time-events";
import { deliverWebhook, type WebhookDeps } from "./deliver-webhook";
import type { WebhookSettings } from "./settings";

/** How many more looks at the outbox one refill may take, each leaving out the endpoints the last filled. */
const MORE_LOOKS = 3;

export interface DelivererOptions {
  scheduler?: Scheduler;
  /** How often the deliverer looks for due deliveries. */
  tickMs?: number;
  /** How many due deliveries one look at the outbox takes at most. */
  batchSize?: number;
  /** How many attempts this server makes at once. */
  concurrency?: number;
  /**
   * How many of those may go to one endpoint at once; one that is failing gets one. So a receiver
   * that hangs holds a few workers, then one, never every other seller's deliveries.
   */
  perEndpoint?: number;
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
  const concurrency = options.concurrency ?? 16;
  const perEndpoint = options.perEndpoint ?? 8;
  const sweepMs = options.sweepMs ?? 60_000;
  const onError = options.onError ?? ((error: unknown) => console.error("webhook deliverer:", error));
  const random = options.random ?? Math.random;

  let lastSweep = Number.NEGATIVE_INFINITY;
  /** Due deliveries listed and not yet begun: each waits for a worker and its endpoint's share. */
  let waiting: DueWebhookDelivery[] = [];
  const inFlight = new Set<Promise<void>>();
  /** How many attempts are in flight to each endpoint. */
  const toEndpoint = new Map<string, number>();
  let sent = 0;
  let onDrained: (() => void) | null = null;

  const shareOf = (delivery: DueWebhookDelivery) => (delivery.endpoint.failingSince === null ? perEndpoint : 1);
  const inFlightTo = (endpointId: string) => toEndpoint.get(endpointId) ?? 0;

  async function attempt(delivery: DueWebhookDelivery): Promise<void> {
    const leaseUntil = new Date(deps.clock.now().getTime() + settings.leaseMs).toISOString();
    if (!(await claimWebhookDelivery(deps.db, delivery, leaseUntil))) return;
    await deliverWebhook(deps, settings, { ...delivery, nextAttemptAt: leaseUntil }, { random, onError: (message) => onError(new Error(message)) });
    sent += 1;
  }

  function begin(delivery: DueWebhookDelivery): void {
    const endpointId = delivery.endpoint.id;
    toEndpoint.set(endpointId, inFlightTo(endpointId) + 1);
    const running: Promise<void> = attempt(delivery)
      .catch(onError)
      .finally(() => {
        inFlight.delete(running);
        const left = inFlightTo(endpointId) - 1;
        if (left > 0) toEndpoint.set(endpointId, left);
        else toEndpoint.delete(endpointId);
        pump();
      });
    inFlight.add(running);
  }

  /** Begins every waiting delivery that has a free worker and room in its endpoint's share, oldest first. */
  function pump(): void {
    const still: DueWebhookDelivery[] = [];
    for (const delivery of waiting) {
      if (inFlight.size < concurrency && inFlightTo(delivery.endpoint.id) < shareOf(delivery)) begin(delivery);
      else still.push(delivery);
    }
    waiting = still;
    if (waiting.length === 0) onDrained?.();
  }

  /**
   * Looks at the outbox again: what waits is replaced by what is due now, oldest first (a
   * delivery another server took meanwhile is not due any more). When the list is full and some
   * endpoint in it has more there than its share can take, it looks again without those
   * endpoints, a few times: so one endpoint's backlog, failing or slow, cannot fill the list and
   * leave the workers idle while other endpoints' deliveries wait. Answers how many it listed.
   */
  async function refill(): Promise<number> {
    const now = deps.clock.now().toISOString();
    const listed: DueWebhookDelivery[] = [];
    const filled: string[] = [];
    for (let look = 0; look <= MORE_LOOKS; look += 1) {
      const due = await listDueWebhookDeliveries(deps.db, now, batchSize, { exceptEndpointIds: filled });
      listed.push(...due);
      if (due.length < batchSize) break;
      const room = new Map<string, number>();
      for (const delivery of due) room.set(delivery.endpoint.id, (room.get(delivery.endpoint.id) ?? shareOf(delivery) - inFlightTo(delivery.endpoint.id)) - 1);
      const more = [...room].filter(([, left]) => left < 0).map(([endpointId]) => endpointId);
      if (more.length === 0) break;
      filled.push(...more);
    }
    waiting = listed;
    pump();
    return listed.length;
  }

  async function runOnce(): Promise<number> {
    const before = sent;
    while ((await refill()) > 0 || inFlight.size > 0) {
      while (inFlight.size > 0) await Promise.race(inFlight);
    }
    return sent - before;
  }

  async function sweepOnce(): Promise<void> {
    await announceTimeEvents(deps);
    const before = new Date(deps.clock.now().getTime() - settings.logRetentionDays * 86_400_000).toISOString();
    await pruneWebhookLog(deps.db, before);
  }

  /**
   * A sweep when one is due, then the due deliveries begun as workers and shares allow; the
   * attempts run on without the tick, so a receiver that hangs never delays the next look. When
   * the list was full, the next look comes as soon as it has all begun, or after a tick at most.
   */
  async function tick(): Promise<boolean> {
    const nowMs = deps.clock.now().getTime();
    if (nowMs - lastSweep >= sweepMs) {
      lastSweep = nowMs;
      await sweepOnce().catch((error: unknown) => onError(new Error(`webhook sweep: ${errorMessage(error)}`)));
    }
    if ((await refill()) < batchSize) return false;
    await new Promise<void>((resolve) => {
      const timer = scheduler.after(tickMs, resolve);
      onDrained = () => {
        timer.cancel();
        resolve();
      };
      if (waiting.length === 0) onDrained();
    });
    onDrained = null;
    return true;
  }

  const job = createBackgroundJob(tick, { scheduler, tickMs, onError });
  return {
    runOnce,
    sweepOnce,
    start: job.start,
    async close() {
      await job.close();
      waiting = [];
      await Promise.all(inFlight);
    },
  };
}
