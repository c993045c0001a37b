import type { WebhookEventData } from "@offerkit/core";
import type { ContactRecord } from "@offerkit/db";

/** What a contact event says of a contact: which one, never its details (added at delivery, where allowed). */
export function contactEventData(contact: Pick<ContactRecord, "id" | "productId" | "subscriptionId" | "buyerAccount">): WebhookEventData<"contact.withdrawn"> {
  return { contactId: contact.id, productId: contact.productId, subscriptionId: contact.subscriptionId, buyerAccount: contact.buyerAccount };
}
