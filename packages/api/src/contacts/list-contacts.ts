import type { ContactView } from "@offerkit/core";
import { UnreadableContactError } from "../data-keys/contact-cipher";
import { listContactsOfAccount } from "@offerkit/db";
import type { BuyerPrincipal } from "../auth/principal";
import { closeContactsOfEndedSubscriptions } from "./close-ended-subscriptions";
import { toContactView } from "./contact-view";
import type { ContactDeps } from "./share-contact";

/**
 * The buyer's live contacts with this seller; those of ended subscriptions are gone. One that
 * cannot be opened is left out (the seller's feed names it) rather than failing the list.
 */
export async function listContacts(deps: ContactDeps, buyer: BuyerPrincipal): Promise<ContactView[]> {
  await closeContactsOfEndedSubscriptions(deps, buyer.sellerId);
  const views: ContactView[] = [];
  for (const record of await listContactsOfAccount(deps.db, buyer.sellerId, buyer.account)) {
    try {
      views.push(await toContactView(deps, record));
    } catch (error) {
      if (!(error instanceof UnreadableContactError)) throw error;
    }
  }
  return views;
}
