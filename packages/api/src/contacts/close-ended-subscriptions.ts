import { eraseContact, listContactsOfEndedSubscriptions, recordContactChange } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { contactEventData } from "../webhooks/contact-event-data";
import { recordWebhookEvent } from "../webhooks/record-event";

/**
 * Deletes the contacts of subscriptions that were cancelled or have ended (one seller's, or all
 * with null), each reported as a DELETE at the time its subscription ended, as the marketplace
 * does. `ended` follows from the clock and is never written, so this runs before the contacts
 * are read, and the server runs it now and then.
 */
export async function closeContactsOfEndedSubscriptions(deps: Pick<ApiDeps, "db" | "clock" | "cipher" | "ids">, sellerId: string | null): Promise<number> {
  const now = deps.clock.now();
  const ended = await listContactsOfEndedSubscriptions(deps.db, sellerId, now.toISOString());
  let closed = 0;
  for (const contact of ended) {
    const erased = await deps.db.transaction().execute(async (trx) => {
      // Another reader may have closed it meanwhile: one DELETE only.
      if (!(await eraseContact(trx, contact.contactId, contact.endedAt))) return false;
      await recordContactChange(trx, { sellerId: contact.sellerId, contactId: contact.contactId, operation: "deleted", at: contact.endedAt });
      const data = contactEventData({ id: contact.contactId, productId: contact.productId, subscriptionId: contact.subscriptionId, buyerAccount: contact.buyerAccount });
      await recordWebhookEvent(trx, deps.ids, { sellerId: contact.sellerId, type: "contact.withdrawn", data, at: now });
      return true;
    });
    if (!erased) continue;
    await deps.cipher.destroy(contact.contactId);
    closed += 1;
  }
  return closed;
}
