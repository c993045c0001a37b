import type { WebhookEventType } from "@offerkit/sdk";

/**
 * Every event an endpoint can receive, with what it means, in the order the form lists them. The
 * SDK exports the event type but not core's descriptions, so they are kept here as a `Record` over
 * the SDK's `WebhookEventType`: a type the API adds fails the type check until it is described.
 */
export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "offer.sent": "An offer was sent: its terms are frozen and its buyers can accept it",
  "offer.published": "A sent offer was published on the marketplace",
  "offer.publication_failed": "The marketplace refused a sent offer, or publishing it gave up",
  "offer.accepted": "A buyer account accepted an offer, here or on the marketplace",
  "offer.expired": "An offer's acceptance deadline passed with at least one account that had not accepted",
  "agreement.created": "An agreement began: an account accepted an offer, here or on the marketplace",
  "agreement.ended": "An agreement ended: its term ran out, or it was cancelled on the marketplace",
  "contact.shared": "A buyer shared a support contact (Product Support Connection)",
  "contact.updated": "A buyer changed a support contact it had shared",
  "contact.withdrawn": "A buyer withdrew a support contact; its details are gone",
  "conversion.credited": "A sale was credited to a campaign's ref tag",
  "webhook.test": "Sent on request from the console, the CLI or the API, to try an endpoint",
};

export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENT_DESCRIPTIONS).filter((key): key is WebhookEventType => key in WEBHOOK_EVENT_DESCRIPTIONS);

/** Types in the form's order, whatever order they were ticked or stored in. */
export function inFormOrder(types: readonly WebhookEventType[]): WebhookEventType[] {
  return WEBHOOK_EVENT_TYPES.filter((type) => types.includes(type));
}
