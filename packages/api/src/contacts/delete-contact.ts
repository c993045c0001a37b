import { OfferkitError } from "@offerkit/core";
import { eraseContact, findContactOfAccount, recordContactChange } from "@offerkit/db";
import type { BuyerPrincipal } from "../auth/principal";
import type { ContactDeps } from "./share-contact";

/** Deletes a contact: its personal data is erased, and only the deletion reaches the seller. */
export async function deleteContact(deps: ContactDeps, buyer: BuyerPrincipal, contactId: string): Promise<{ deleted: true }> {
  const contact = await findContactOfAccount(deps.db, buyer.sellerId, buyer.account, contactId);
  if (!contact) throw new OfferkitError("NOT_FOUND", `No contact ${contactId}`);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await eraseContact(trx, contact.id, now))) throw new OfferkitError("NOT_FOUND", `No contact ${contactId}`);
    await recordContactChange(trx, { sellerId: buyer.sellerId, contactId: contact.id, operation: "deleted", at: now });
  });
  return { deleted: true };
}
