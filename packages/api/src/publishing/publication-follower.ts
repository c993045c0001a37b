import { claimPublication, listDuePublications } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { followPublication } from "./follow-publication";
import { defaultFollowTimings, type FollowTimings } from "./follow-timings";
import type { MarketplacePublisher } from "@offerkit/core";
import { createBackgroundJob } from "../background-job";
import { systemScheduler, type Scheduler } from "../scheduler";

export interface FollowerOptions {
  scheduler?: Scheduler;
  /** How often the follower looks for due publications. */
  tickMs?: number;
  /** How many publications one tick takes at most. */
  batchSize?: number;
  /** How long a claimed publication stays with this follower before another may take it. */
  leaseMs?: number;
  timings?: Partial<FollowTimings>;
  /**
   * Where an unexpected error of a tick, or an error following a published offer's agreements
   * (retried later), is reported; it never stops the follower.
   */
  onError?: (error: unknown) => void;
}

export interface PublicationFollower {
  /** Follows every publication due now, once; answers how many it looked at. */
  runOnce(): Promise<number>;
  /** Runs a tick now and then every `tickMs`, until `close`. */
  start(): void;
  /** Stops ticking and waits for the tick in progress. */
  close(): Promise<void>;
}

/**
 * The background job that publishes sent offers to a marketplace and follows them there, from
 * the database: a restart, or several servers on one PostgreSQL, pick up where they were, and
 * each due publication is claimed by one follower at a time.
 */
export function createPublicationFollower(deps: ApiDeps, publisher: MarketplacePublisher, options: FollowerOptions = {}): PublicationFollower {
  const scheduler = options.scheduler ?? systemScheduler;
  const tickMs = options.tickMs ?? 5_000;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const timings = { ...defaultFollowTimings, ...options.timings };
  const onError = options.onError ?? ((error: unknown) => console.error("publication follower:", error));

  async function runOnce(): Promise<number> {
    const now = deps.clock.now();
    const due = await listDuePublications(deps.db, now.toISOString(), batchSize);
    let followed = 0;
    for (const publication of due) {
      if (!(await claimPublication(deps.db, publication, new Date(now.getTime() + leaseMs).toISOString()))) continue;
      await followPublication(deps, publisher, publication, timings, onError);
      followed += 1;
    }
    return followed;
  }

  const job = createBackgroundJob(
    async () => {
      await runOnce();
      return false;
    },
    { scheduler, tickMs, onError },
  );
  return { runOnce, start: job.start, close: job.close };
}
