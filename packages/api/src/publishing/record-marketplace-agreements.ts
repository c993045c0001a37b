import { completeTerms, OfferkitError, type MarketplaceAgreement } from "@offerkit/core";
import {
  listAgreementsForOffer,
  listRecordedMarketplaceAgreements,
  recordMarketplaceAgreement,
  updateMarketplaceAgreementStatus,
  type OfferRecord,
  type RecordedMarketplaceAgreement,
} from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { marketplaceAgreementRecords, stoppedAt } from "./marketplace-agreement-records";
import { recordAgreementEvents, recordSubscriptionStopped } from "../webhooks/agreement-events";

const isRunning = (recorded: RecordedMarketplaceAgreement, at: string) =>
  recorded.subscriptionStatus === "active" && (recorded.endsAt === null || recorded.endsAt > at);

/**
 * Brings what Offerkit holds in line with an offer's agreements on the marketplace. Each new
 * one is recorded as a local acceptance is: its agreement, a private subscription, and the
 * offer accepted at the earliest acceptance; exactly once, however many followers record it
 * together. A recorded one the marketplace reports cancelled or ended stops its subscription.
 * No click is credited: a local acceptance credits one through its attribution ID or visitor
 * cookie, and a marketplace agreement carries neither. Answers whether any recorded agreement
 * of the offer still runs.
 */
export async function recordMarketplaceAgreements(
  deps: Pick<ApiDeps, "db" | "ids">,
  offer: OfferRecord,
  agreements: MarketplaceAgreement[],
  now: Date,
): Promise<{ running: boolean }> {
  const terms = completeTerms(offer.terms);
  if (!terms) throw new OfferkitError("INTERNAL", `Sent offer ${offer.id} is missing part of its terms`);

  const held = await listAgreementsForOffer(deps.db, offer.id);
  const heldIds = new Set(held.map((agreement) => agreement.marketplaceAgreementId));
  // An account holds one agreement per offer: one accepted here first keeps it.
  const heldAccounts = new Set(held.map((agreement) => agreement.buyerAccount));
  const fresh = agreements
    .filter((agreement) => !heldIds.has(agreement.id) && !heldAccounts.has(agreement.buyerAccount))
    .sort((a, b) => a.acceptedAt.getTime() - b.acceptedAt.getTime());
  for (const agreement of fresh) {
    // Already recorded means another follower was quicker: nothing is left to do.
    const records = marketplaceAgreementRecords(deps.ids, offer, terms, agreement, now);
    await recordMarketplaceAgreement(deps.db, records, async (trx) => {
      await recordAgreementEvents(trx, deps.ids, { ...records.agreement, source: "marketplace" }, now);
      // One first seen already stopped ends in the same transaction it begins.
      if (agreement.status !== "active") await recordSubscriptionStopped(trx, deps.ids, records.subscription.id, now);
    });
  }

  const nowIso = now.toISOString();
  let recorded = await listRecordedMarketplaceAgreements(deps.db, offer.id);
  const running = new Map(recorded.filter((entry) => isRunning(entry, nowIso)).map((entry) => [entry.marketplaceAgreementId, entry]));
  let changed = false;
  for (const agreement of agreements) {
    if (agreement.status === "active" || !running.has(agreement.id)) continue;
    const stopped = await updateMarketplaceAgreementStatus(deps.db, agreement.id, agreement.status, stoppedAt(agreement, now).toISOString(), (trx, subscriptionId) =>
      recordSubscriptionStopped(trx, deps.ids, subscriptionId, now),
    );
    changed = stopped || changed;
  }
  if (changed) recorded = await listRecordedMarketplaceAgreements(deps.db, offer.id);
  return { running: recorded.some((entry) => isRunning(entry, nowIso)) };
}
