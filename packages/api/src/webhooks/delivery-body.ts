import { errorMessage, isContactEvent, webhookEventTypeSchema, type WebhookEventType } from "@offerkit/core";
import { findContactOfAccount, type DueWebhookDelivery } from "@offerkit/db";
import type { ApiDeps } from "../deps";

/**
 * The body an endpoint receives. A contact event carries the contact's details only to an
 * endpoint enrolled for them whose URL is https, and only while the contact is still shared:
 * read at delivery time, so a contact withdrawn meanwhile is never sent.
 */
export async function deliveryBody(deps: Pick<ApiDeps, "db" | "cipher">, delivery: Pick<DueWebhookDelivery, "event" | "endpoint">, onError: (message: string) => void): Promise<string> {
  const { event, endpoint } = delivery;
  const type = webhookEventTypeSchema.parse(event.type);
  let data = JSON.parse(event.data) as Record<string, unknown>;
  if (isContactEvent(type) && type !== "contact.withdrawn" && endpoint.includeContactDetails && endpoint.url.startsWith("https:")) {
    data = { ...data, ...(await contactDetails(deps, event.sellerId, data, onError)) };
  }
  return JSON.stringify({ id: event.id, type: type satisfies WebhookEventType, version: event.version, timestamp: event.createdAt, data });
}

async function contactDetails(deps: Pick<ApiDeps, "db" | "cipher">, sellerId: string, data: Record<string, unknown>, onError: (message: string) => void) {
  const { buyerAccount, contactId } = data;
  if (typeof buyerAccount !== "string" || typeof contactId !== "string") return {};
  const contact = await findContactOfAccount(deps.db, sellerId, buyerAccount, contactId);
  if (!contact?.sealed) return {};
  try {
    return { contact: await deps.cipher.open(contact.id, contact.sealed) };
  } catch (error) {
    onError(`Contact ${contact.id} could not be opened for a webhook: ${errorMessage(error)}`);
    return {};
  }
}
