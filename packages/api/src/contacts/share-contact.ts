import {
  MAX_CONTACTS_PER_SUBSCRIPTION,
  OfferkitError,
  type ContactView,
  type shareContactInputSchema,
  type updateContactInputSchema,
} from "@offerkit/core";
import {
  countLiveContacts,
  eraseContact,
  findContactOfAccount,
  findProduct,
  findSubscriptionOfAccount,
  insertContact,
  listContactsOfAccount,
  lockSubscription,
  recordContactChange,
  updateContactSeal,
  type ContactRecord,
} from "@offerkit/db";
import type { z } from "zod";
import type { BuyerPrincipal } from "../auth/principal";
import type { ApiDeps } from "../deps";

type ContactDeps = Pick<ApiDeps, "db" | "clock" | "ids" | "cipher">;

function requireConsent(consent: boolean): void {
  if (!consent) {
    throw new OfferkitError("CONSENT_REQUIRED", "Tick the consent box: a contact is shared with the seller, for product support only", [
      { path: ["consent"], message: "Consent is required" },
    ]);
  }
}

function toContactView(deps: Pick<ApiDeps, "cipher">, record: ContactRecord): ContactView {
  if (record.sealed === null) throw new OfferkitError("NOT_FOUND", `No contact ${record.id}`);
  return { id: record.id, subscriptionId: record.subscriptionId, ...deps.cipher.open(record.id, record.sealed), createdAt: record.createdAt, updatedAt: record.updatedAt };
}

/**
 * A buyer shares a support contact for one of its subscriptions: only for a product enrolled in
 * Product Support Connection, only with consent, at most 5 per subscription.
 */
export async function shareContact(deps: ContactDeps, buyer: BuyerPrincipal, input: z.output<typeof shareContactInputSchema>): Promise<ContactView> {
  requireConsent(input.consent);
  const subscription = await findSubscriptionOfAccount(deps.db, buyer.sellerId, buyer.account, input.subscriptionId);
  if (!subscription) throw new OfferkitError("NOT_FOUND", `No subscription ${input.subscriptionId}`);
  const product = await findProduct(deps.db, buyer.sellerId, subscription.productId);
  if (!product?.supportConnection) {
    throw new OfferkitError("SUPPORT_CONNECTION_NOT_ENROLLED", "This product does not take support contacts (it is not enrolled in Product Support Connection)");
  }
  const now = deps.clock.now().toISOString();
  const id = deps.ids.newId("contact");
  const record: ContactRecord = {
    id,
    sellerId: buyer.sellerId,
    productId: product.id,
    subscriptionId: subscription.id,
    buyerAccount: buyer.account,
    sealed: deps.cipher.seal(id, input.contact),
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    await lockSubscription(trx, subscription.id);
    if ((await countLiveContacts(trx, subscription.id)) >= MAX_CONTACTS_PER_SUBSCRIPTION) {
      throw new OfferkitError("CONTACT_LIMIT_REACHED", `A subscription holds at most ${MAX_CONTACTS_PER_SUBSCRIPTION} support contacts; edit or delete one first`);
    }
    await insertContact(trx, record);
    await recordContactChange(trx, { sellerId: buyer.sellerId, contactId: id, operation: "added", at: now });
  });
  return toContactView(deps, record);
}

export async function updateContact(deps: ContactDeps, buyer: BuyerPrincipal, input: z.output<typeof updateContactInputSchema>): Promise<ContactView> {
  requireConsent(input.consent);
  const contact = await findContactOfAccount(deps.db, buyer.sellerId, buyer.account, input.contactId);
  if (!contact) throw new OfferkitError("NOT_FOUND", `No contact ${input.contactId}`);
  const now = deps.clock.now().toISOString();
  const sealed = deps.cipher.seal(contact.id, input.contact);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await updateContactSeal(trx, contact.id, sealed, now))) throw new OfferkitError("NOT_FOUND", `No contact ${input.contactId}`);
    await recordContactChange(trx, { sellerId: buyer.sellerId, contactId: contact.id, operation: "updated", at: now });
  });
  return toContactView(deps, { ...contact, sealed, updatedAt: now });
}

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

export async function listContacts(deps: ContactDeps, buyer: BuyerPrincipal): Promise<ContactView[]> {
  return (await listContactsOfAccount(deps.db, buyer.sellerId, buyer.account)).map((record) => toContactView(deps, record));
}
