// No dependency: the SDK bundles this file for receivers, the console and the CLI.

/**
 * The events Offerkit sends to webhook endpoints, each with what it means. The payload of each is
 * typed once in `./webhooks.ts`; `version` changes only when a payload changes incompatibly.
 */
export const webhookEventTypes = {
  "offer.sent": "An offer was sent: its terms are frozen and its buyers can accept it",
  "offer.published": "A sent offer was published on the marketplace",
  "offer.publication_failed": "The marketplace refused a sent offer, or publishing it gave up",
  "offer.accepted": "A buyer account accepted an offer, here or on the marketplace",
  "offer.expired": "An offer's acceptance deadline passed with at least one account that had not accepted",
  "agreement.created": "An agreement began: an account accepted an offer, here or on the marketplace",
  "agreement.ended": "An agreement ended: its term ran out, or the buyer cancelled it",
  "contact.shared": "A buyer shared a support contact (Product Support Connection)",
  "contact.updated": "A buyer changed a support contact it had shared",
  "contact.withdrawn": "A buyer withdrew a support contact; its details are gone",
  "conversion.credited": "A sale was credited to a campaign's ref tag",
  "webhook.test": "Sent on request from the console, the CLI or the API, to try an endpoint",
} as const;

export type WebhookEventType = keyof typeof webhookEventTypes;

export const webhookEventTypeNames = Object.keys(webhookEventTypes) as [WebhookEventType, ...WebhookEventType[]];

