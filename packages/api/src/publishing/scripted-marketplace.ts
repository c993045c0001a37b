import type { MarketplaceAgreement, MarketplacePublisher, PublicationOutcome, PublishRequest } from "@offerkit/core";
import type { Scheduler } from "../scheduler";

/**
 * For tests: a marketplace the test scripts. It answers what the test queued, lists the
 * agreements the test put on it, and records what it was asked.
 */
export class ScriptedMarketplace implements MarketplacePublisher {
  readonly kind = "marketplace";
  readonly name = "scripted";
  readonly published: PublishRequest[] = [];
  readonly followed: string[] = [];
  readonly searched: string[] = [];
  publishAnswers: (() => { changeSetId: string })[] = [];
  followAnswers: (() => PublicationOutcome)[] = [];
  /** Answers queued for `listAgreements` before it lists: each throws what the test wants. */
  listFailures: (() => never)[] = [];
  /** The agreements made on every offer of the marketplace, by the marketplace's offer ID. */
  agreements = new Map<string, MarketplaceAgreement[]>();

  async publish(request: PublishRequest) {
    this.published.push(request);
    const next = this.publishAnswers.shift();
    return next ? next() : { changeSetId: `cs-${request.offerId}-${request.attempt}` };
  }

  async follow({ changeSetId }: { changeSetId: string }) {
    this.followed.push(changeSetId);
    const next = this.followAnswers.shift();
    return next ? next() : { status: "in_progress" as const };
  }

  async listAgreements(marketplaceOfferId: string) {
    this.searched.push(marketplaceOfferId);
    this.listFailures.shift()?.();
    return (this.agreements.get(marketplaceOfferId) ?? []).map((agreement) => ({ ...agreement }));
  }
}

/** For tests: a scheduler whose timers run only when the test says so. */
export class ManualScheduler implements Scheduler {
  readonly pending: { delayMs: number; task: () => void; cancelled: boolean }[] = [];

  after(delayMs: number, task: () => void) {
    const entry = { delayMs, task, cancelled: false };
    this.pending.push(entry);
    return { cancel: () => void (entry.cancelled = true) };
  }
}
