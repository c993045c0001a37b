import { MAX_CONTACTS_PER_SUBSCRIPTION, OfferkitError, type ContactView, type shareContactInputSchema } from "@offerkit/core";
import { countLiveContacts, findProduct, findSubscriptionOfAccount, insertContact, lockSubscription, recordContactChange, type ContactRecord } from "@offerkit/db";
import type { z } from "zod";
import type { BuyerPrincipal } from "../auth/principal";
import type { ApiDeps } from "../deps";
import { requireRunningSubscription } from "./active-subscription";
import { requireConsent } from "./consent";
import { toContactView } from "./contact-view";
import { recordWebhookEvent } from "../webhooks/record-event";
import { contactEventData } from "../webhooks/contact-event-data";

export type ContactDeps = Pick<ApiDeps, "db" | "clock" | "ids" | "cipher">;

/**
 * A buyer shares a support contact for one of its subscriptions: only for a product enrolled in
 * Product Support Connection, only with consent, only while the subscription runs, at most 5
 * per subscription.
 */
export async function shareContact(deps: ContactDeps, buyer: BuyerPrincipal, input: z.output<typeof shareContactInputSchema>): Promise<ContactView> {
  requireConsent(input.consent);
  const subscription = await findSubscriptionOfAccount(deps.db, buyer.sellerId, buyer.account, input.subscriptionId);
  if (!subscription) throw new OfferkitError("NOT_FOUND", `No subscription ${input.subscriptionId}`);
  const product = await findProduct(deps.db, buyer.sellerId, subscription.productId);
  if (!product?.supportConnection) {
    throw new OfferkitError("SUPPORT_CONNECTION_NOT_ENROLLED", "This product does not take support contacts (it is not enrolled in Product Support Connection)");
  }
  const now = deps.clock.now();
  const id = deps.ids.newId("contact");
  const record: ContactRecord = {
    id,
    sellerId: buyer.sellerId,
    productId: product.id,
    subscriptionId: subscription.id,
    buyerAccount: buyer.account,
    sealed: await deps.cipher.seal(id, input.contact),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    deletedAt: null,
  };
  try {
    await deps.db.transaction().execute(async (trx) => {
      await lockSubscription(trx, subscription.id);
      await requireRunningSubscription(trx, buyer.sellerId, subscription.id, now);
      if ((await countLiveContacts(trx, subscription.id)) >= MAX_CONTACTS_PER_SUBSCRIPTION) {
        throw new OfferkitError("CONTACT_LIMIT_REACHED", `A subscription holds at most ${MAX_CONTACTS_PER_SUBSCRIPTION} support contacts; edit or delete one first`);
      }
      await insertContact(trx, record);
      await recordContactChange(trx, { sellerId: buyer.sellerId, contactId: id, operation: "added", at: record.createdAt });
      await recordWebhookEvent(trx, deps.ids, { sellerId: buyer.sellerId, type: "contact.shared", data: contactEventData(record), at: now });
    });
  } catch (error) {
    // Refused or failed: the key made for it goes too.
    await deps.cipher.destroy(id);
    throw error;
  }
  return toContactView(deps, record);
}
