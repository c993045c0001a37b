import { OfferkitError } from "@offerkit/core";
import { eraseContact, findContactOfAccount, recordContactChange } from "@offerkit/db";
import type { BuyerPrincipal } from "../auth/principal";
import type { ContactDeps } from "./share-contact";
import { recordWebhookEvent } from "../webhooks/record-event";
import { contactEventData } from "../webhooks/contact-event-data";

/**
 * Deletes a contact: its seal is erased and then its key destroyed, so no copy of its data can be
 * opened again; only the deletion reaches the seller.
 */
export async function deleteContact(deps: ContactDeps, buyer: BuyerPrincipal, contactId: string): Promise<{ deleted: true }> {
  const contact = await findContactOfAccount(deps.db, buyer.sellerId, buyer.account, contactId);
  if (!contact) throw new OfferkitError("NOT_FOUND", `No contact ${contactId}`);
  const at = deps.clock.now();
  const now = at.toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await eraseContact(trx, contact.id, now))) throw new OfferkitError("NOT_FOUND", `No contact ${contactId}`);
    await recordContactChange(trx, { sellerId: buyer.sellerId, contactId: contact.id, operation: "deleted", at: now });
    await recordWebhookEvent(trx, deps.ids, { sellerId: buyer.sellerId, type: "contact.withdrawn", data: contactEventData(contact), at });
  });
  // After the commit: a deletion that failed keeps its key. A crash in between leaves the key to
  // the next sweep of deleted contacts' keys.
  await deps.cipher.destroy(contact.id);
  return { deleted: true };
}
