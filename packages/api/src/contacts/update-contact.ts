import { OfferkitError, type ContactView, type updateContactInputSchema } from "@offerkit/core";
import { findContactOfAccount, lockSubscription, recordContactChange, updateContactSeal } from "@offerkit/db";
import type { z } from "zod";
import type { BuyerPrincipal } from "../auth/principal";
import { requireRunningSubscription } from "./active-subscription";
import { requireConsent } from "./consent";
import { toContactView } from "./contact-view";
import type { ContactDeps } from "./share-contact";
import { recordWebhookEvent } from "../webhooks/record-event";
import { contactEventData } from "../webhooks/contact-event-data";

/** A buyer edits one of its contacts, while its subscription runs. */
export async function updateContact(deps: ContactDeps, buyer: BuyerPrincipal, input: z.output<typeof updateContactInputSchema>): Promise<ContactView> {
  requireConsent(input.consent);
  const contact = await findContactOfAccount(deps.db, buyer.sellerId, buyer.account, input.contactId);
  if (!contact) throw new OfferkitError("NOT_FOUND", `No contact ${input.contactId}`);
  const now = deps.clock.now();
  const sealed = await deps.cipher.seal(contact.id, input.contact);
  await deps.db.transaction().execute(async (trx) => {
    await lockSubscription(trx, contact.subscriptionId);
    await requireRunningSubscription(trx, buyer.sellerId, contact.subscriptionId, now);
    if (!(await updateContactSeal(trx, contact.id, sealed, now.toISOString()))) throw new OfferkitError("NOT_FOUND", `No contact ${input.contactId}`);
    await recordContactChange(trx, { sellerId: buyer.sellerId, contactId: contact.id, operation: "updated", at: now.toISOString() });
    await recordWebhookEvent(trx, deps.ids, { sellerId: buyer.sellerId, type: "contact.updated", data: contactEventData(contact), at: now });
  });
  return toContactView(deps, { ...contact, sealed, updatedAt: now.toISOString() });
}
