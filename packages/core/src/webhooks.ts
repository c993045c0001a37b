import { z } from "zod";
import { contactDetailsSchema, contactIdSchema } from "./contacts";
import { accountIdSchema, agreementIdSchema, asinSchema, offerIdSchema, productRefSchema } from "./ids";
import { webhookEventTypeNames, type WebhookEventType } from "./webhook-event-types";

export const webhookEventTypeSchema = z.enum(webhookEventTypeNames, {
  error: (issue) => `Unknown event type ${JSON.stringify(issue.input)}; known: ${webhookEventTypeNames.join(", ")}`,
});

const instant = z.iso.datetime().describe("An instant, ISO 8601 in UTC");
const day = z.iso.date().describe("A day, YYYY-MM-DD (UTC)");

const offerSent = z.strictObject({
  offerId: offerIdSchema,
  productId: productRefSchema,
  name: z.string().nullable(),
  buyerAccounts: z.array(accountIdSchema),
  acceptanceDeadline: day,
  buyerUrl: z.string(),
  sentAt: instant,
});

const offerPublished = z.strictObject({
  offerId: offerIdSchema,
  marketplaceOfferId: z.string(),
  marketplaceUrl: z.string().nullable(),
});

const offerPublicationFailed = z.strictObject({
  offerId: offerIdSchema,
  message: z.string(),
});

const agreementSource = z.enum(["offerkit", "marketplace"]).describe("Where the account accepted: Offerkit's buyer page or API, or the marketplace");

const offerAccepted = z.strictObject({
  offerId: offerIdSchema,
  agreementId: agreementIdSchema,
  buyerAccount: accountIdSchema,
  acceptedAt: instant,
  source: agreementSource,
});

const offerExpired = z.strictObject({
  offerId: offerIdSchema,
  acceptanceDeadline: day,
  acceptedAccounts: z.array(accountIdSchema),
  unacceptedAccounts: z.array(accountIdSchema),
});

const agreementCreated = z.strictObject({
  agreementId: agreementIdSchema,
  offerId: offerIdSchema,
  productId: productRefSchema,
  buyerAccount: accountIdSchema,
  startsAt: instant,
  endsAt: instant,
  source: agreementSource,
});

const agreementEnded = z.strictObject({
  agreementId: agreementIdSchema,
  offerId: offerIdSchema,
  buyerAccount: accountIdSchema,
  endedAt: instant,
  reason: z.enum(["term_ended", "cancelled"]),
});

/**
 * A contact event names the contact; its details come only to an endpoint enrolled for Product
 * Support Connection data whose URL is https, and never once the buyer withdrew it.
 */
const contactEvent = z.strictObject({
  contactId: contactIdSchema,
  productId: productRefSchema,
  subscriptionId: z.string(),
  buyerAccount: accountIdSchema,
  contact: contactDetailsSchema.optional().describe("The contact's details: only to endpoints enrolled for PSC data, over https"),
});

const contactWithdrawn = contactEvent.omit({ contact: true });

const conversionCredited = z.strictObject({
  conversionId: z.string(),
  productId: productRefSchema,
  asin: asinSchema,
  refTag: z.string(),
  source: z.enum(["offer", "subscription", "api"]),
  externalId: z.string(),
  convertedAt: instant,
});

const webhookTest = z.strictObject({
  endpointId: z.string(),
  message: z.string(),
});

/** Each event type's `data`. */
export const webhookEventDataSchemas = {
  "offer.sent": offerSent,
  "offer.published": offerPublished,
  "offer.publication_failed": offerPublicationFailed,
  "offer.accepted": offerAccepted,
  "offer.expired": offerExpired,
  "agreement.created": agreementCreated,
  "agreement.ended": agreementEnded,
  "contact.shared": contactEvent,
  "contact.updated": contactEvent,
  "contact.withdrawn": contactWithdrawn,
  "conversion.credited": conversionCredited,
  "webhook.test": webhookTest,
} as const satisfies Record<WebhookEventType, z.ZodType>;

export type WebhookEventData<T extends WebhookEventType> = z.output<(typeof webhookEventDataSchemas)[T]>;

/** The version of every payload so far. */
export const WEBHOOK_EVENT_VERSION = 1;

function envelope<T extends WebhookEventType>(type: T) {
  return z.strictObject({
    id: z.string().describe("The event's ID, the same on every retry and replay: deduplicate by it (it is also the webhook-id header)"),
    type: z.literal(type),
    version: z.literal(WEBHOOK_EVENT_VERSION),
    timestamp: instant.describe("When the change happened"),
    data: webhookEventDataSchemas[type],
  });
}

/** The body of every delivery: `{ id, type, version, timestamp, data }`, told apart by `type`. */
export const webhookEventSchema = z.discriminatedUnion("type", [
  envelope("offer.sent"),
  envelope("offer.published"),
  envelope("offer.publication_failed"),
  envelope("offer.accepted"),
  envelope("offer.expired"),
  envelope("agreement.created"),
  envelope("agreement.ended"),
  envelope("contact.shared"),
  envelope("contact.updated"),
  envelope("contact.withdrawn"),
  envelope("conversion.credited"),
  envelope("webhook.test"),
]);

export type WebhookEvent = z.output<typeof webhookEventSchema>;

/** Contact events are the ones that may carry personal data. */
export function isContactEvent(type: WebhookEventType): type is "contact.shared" | "contact.updated" | "contact.withdrawn" {
  return type.startsWith("contact.");
}
