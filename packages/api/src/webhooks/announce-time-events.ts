import { addDays, utcDate } from "@offerkit/core";
import { listEndedAgreementsToAnnounce, listExpiredOffersToAnnounce } from "@offerkit/db";
import type { WebhookDeps } from "./deliver-webhook";
import { recordAgreementEnded } from "./agreement-events";
import { recordWebhookEvent } from "./record-event";

/** How far back a sweep looks: a server down this long still announces what passed meanwhile. */
const LOOK_BACK_DAYS = 7;
const BATCH = 200;

/**
 * Writes the events no request causes, only the clock: offers whose deadline passed with an
 * account that had not accepted, and agreements whose term ran out. Each is written once, by its
 * dedupe key, however many servers sweep together. A cancellation or early end writes its own
 * `agreement.ended` in the transaction that stops the subscription; the sweep passes over it by
 * the same key. Answers how many were written.
 */
export async function announceTimeEvents(deps: WebhookDeps): Promise<number> {
  const now = deps.clock.now();
  const today = utcDate(now);
  let written = 0;
  for (const offer of await listExpiredOffersToAnnounce(deps.db, { fromDay: utcDate(addDays(now, -LOOK_BACK_DAYS)), beforeDay: today, limit: BATCH })) {
    const unaccepted = offer.buyerAccounts.filter((account) => !offer.acceptedAccounts.includes(account));
    if (unaccepted.length === 0) continue;
    const id = await deps.db.transaction().execute((trx) =>
      recordWebhookEvent(
        trx,
        deps.ids,
        {
          sellerId: offer.sellerId,
          type: "offer.expired",
          data: { offerId: offer.id, acceptanceDeadline: offer.acceptanceDeadline, acceptedAccounts: offer.acceptedAccounts, unacceptedAccounts: unaccepted },
          at: now,
        },
        { dedupeKey: `offer.expired:${offer.id}` },
      ),
    );
    if (id) written += 1;
  }
  const ended = await listEndedAgreementsToAnnounce(deps.db, { from: addDays(now, -LOOK_BACK_DAYS).toISOString(), to: now.toISOString(), limit: BATCH });
  for (const agreement of ended) {
    const id = await deps.db.transaction().execute((trx) => recordAgreementEnded(trx, deps.ids, agreement, now));
    if (id) written += 1;
  }
  return written;
}
