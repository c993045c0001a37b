import type { ContactView } from "@offerkit/core";
import { listContactsOfAccount } from "@offerkit/db";
import type { BuyerPrincipal } from "../auth/principal";
import { closeContactsOfEndedSubscriptions } from "./close-ended-subscriptions";
import { toContactView } from "./contact-view";
import type { ContactDeps } from "./share-contact";

/** The buyer's live contacts with this seller; those of ended subscriptions are gone. */
export async function listContacts(deps: ContactDeps, buyer: BuyerPrincipal): Promise<ContactView[]> {
  await closeContactsOfEndedSubscriptions(deps, buyer.sellerId);
  return (await listContactsOfAccount(deps.db, buyer.sellerId, buyer.account)).map((record) => toContactView(deps, record));
}
