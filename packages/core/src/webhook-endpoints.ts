import { z } from "zod";
import { idempotencyKeySchema } from "./ids";
import type { WebhookEventType } from "./webhook-event-types";
import { webhookEventTypeSchema } from "./webhooks";

export const MAX_WEBHOOK_URL_LENGTH = 2000;
/** How long a rotated-out secret may stay valid beside the new one, at most. */
export const MAX_SECRET_OVERLAP_HOURS = 7 * 24;

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Whether a URL's host names this machine: plain http is allowed there, for development. */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.test(hostname);
}

/**
 * Where an endpoint receives events: https, or http to this machine for development. Whether
 * private and loopback addresses may be reached at all is the operator's choice, checked by the
 * server when the URL is saved and again, after DNS, on every delivery.
 */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(MAX_WEBHOOK_URL_LENGTH, `A webhook URL has at most ${MAX_WEBHOOK_URL_LENGTH} characters`)
  .superRefine((value, context) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: "custom", message: "Not a URL: write it in full, e.g. https://example.com/webhooks/offerkit" });
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      context.addIssue({ code: "custom", message: "A webhook URL starts with https://" });
    } else if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
      context.addIssue({ code: "custom", message: "A webhook URL uses https; plain http is only for this machine (localhost) during development" });
    }
    if (url.username !== "" || url.password !== "") {
      context.addIssue({ code: "custom", message: "A webhook URL carries no user name or password: verify deliveries by their signature instead" });
    }
    if (url.hash !== "") context.addIssue({ code: "custom", message: "A webhook URL has no #fragment" });
  })
  .describe("Where events are POSTed: https, or http to localhost for development");

const eventTypesSchema = z
  .array(webhookEventTypeSchema)
  .min(1, "Choose at least one event type")
  .transform((types) => [...new Set(types)].sort() as WebhookEventType[])
  .describe("The event types this endpoint receives");

const descriptionSchema = z.string().trim().max(200, "A description has at most 200 characters").describe("What the endpoint is for, shown in the console");

const includeContactDetailsSchema = z
  .boolean()
  .describe("Send support contacts' details (Product Support Connection) in contact events; only to an https URL, and only with the contacts:read scope");

export const webhookEndpointIdSchema = z.string().regex(/^whep-[A-Za-z0-9_-]{10,40}$/, "Expected a webhook endpoint ID like whep-...");
export const webhookEventIdSchema = z.string().regex(/^evt-[A-Za-z0-9_-]{10,40}$/, "Expected an event ID like evt-...");

export const createWebhookEndpointInputSchema = z.strictObject({
  url: webhookUrlSchema,
  eventTypes: eventTypesSchema,
  description: descriptionSchema.default(""),
  includeContactDetails: includeContactDetailsSchema.default(false),
  idempotencyKey: idempotencyKeySchema.optional(),
});

export const updateWebhookEndpointInputSchema = z.strictObject({
  endpointId: webhookEndpointIdSchema,
  url: webhookUrlSchema.optional(),
  eventTypes: eventTypesSchema.optional(),
  description: descriptionSchema.optional(),
  includeContactDetails: includeContactDetailsSchema.optional(),
  enabled: z.boolean().describe("Disabled endpoints receive nothing; enabling one again resumes its pending deliveries").optional(),
});

export const webhookEndpointIdInputSchema = z.strictObject({ endpointId: webhookEndpointIdSchema });

export const rotateWebhookSecretInputSchema = z.strictObject({
  endpointId: webhookEndpointIdSchema,
  overlapHours: z
    .number()
    .int("Whole hours")
    .min(0)
    .max(MAX_SECRET_OVERLAP_HOURS, `The old secret stays valid at most ${MAX_SECRET_OVERLAP_HOURS} hours`)
    .default(24)
    .describe("How long the old secret still signs deliveries, beside the new one"),
});

export const listWebhookDeliveriesInputSchema = z.strictObject({
  endpointId: webhookEndpointIdSchema,
  state: z.enum(["pending", "delivered", "failed"]).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const replayWebhookInputSchema = z.union([
  z.strictObject({ endpointId: webhookEndpointIdSchema, eventId: webhookEventIdSchema }),
  z
    .strictObject({
      endpointId: webhookEndpointIdSchema,
      since: z.iso.datetime({ offset: true }).describe("The first instant whose events are sent again"),
      until: z.iso.datetime({ offset: true }).describe("The instant after the last event sent again"),
    })
    .refine((range) => Date.parse(range.since) < Date.parse(range.until), { message: "`since` comes before `until`", path: ["until"] }),
]);

/** One delivery attempt as the log keeps it. */
export interface WebhookAttemptView {
  at: string;
  durationMs: number;
  /** The HTTP status, or null when no answer came (refused address, timeout, connection error). */
  status: number | null;
  /** Why an attempt without an answer failed. */
  error: string | null;
  /** The first bytes of the answer, as text. */
  response: string;
}

export interface WebhookDeliveryView {
  id: string;
  eventId: string;
  eventType: WebhookEventType;
  state: "pending" | "delivered" | "failed";
  attempts: number;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
  log: WebhookAttemptView[];
}

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  includeContactDetails: boolean;
  enabled: boolean;
  /** Why Offerkit disabled it, when it did; null when enabled or disabled by the seller. */
  disabledReason: string | null;
  disabledAt: string | null;
  /** Since when every delivery failed; null while the last one succeeded. */
  failingSince: string | null;
  /** The old secret still signs until then, after a rotation. */
  previousSecretExpiresAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A new endpoint and its signing secret, shown this once. */
export interface CreatedWebhookEndpoint {
  endpoint: WebhookEndpointView;
  secret: string;
}

/** A new secret, shown this once, and until when the old one still signs beside it. */
export interface RotatedWebhookSecret {
  secret: string;
  previousSecretExpiresAt: string | null;
}

/** What a test delivery met, for the person who asked for it. */
export interface TestDeliveryResult {
  eventId: string;
  delivered: boolean;
  /** The endpoint's HTTP status; null when no answer came. */
  status: number | null;
  durationMs: number;
  /** In a sentence: "HTTP 200 in 42 ms", "connect ECONNREFUSED ... in 3 ms". */
  summary: string;
  /** The first bytes of the endpoint's answer. */
  response: string;
  /** When it is tried again, if it failed (a test event is retried like any other). */
  nextAttemptAt: string | null;
}

export interface WebhookDeliveriesPage {
  items: WebhookDeliveryView[];
  nextCursor: string | null;
}

export type CreateWebhookEndpointInput = z.input<typeof createWebhookEndpointInputSchema>;
export type UpdateWebhookEndpointInput = z.input<typeof updateWebhookEndpointInputSchema>;
export type RotateWebhookSecretInput = z.input<typeof rotateWebhookSecretInputSchema>;
export type ListWebhookDeliveriesInput = z.input<typeof listWebhookDeliveriesInputSchema>;
export type ReplayWebhookInput = z.input<typeof replayWebhookInputSchema>;
