import { webhookEventTypeSchema, type WebhookEndpointView } from "@offerkit/core";
import type { WebhookEndpointRecord } from "@offerkit/db";

/** An endpoint as its seller sees it: never its secrets. */
export function toWebhookEndpointView(record: WebhookEndpointRecord, now: Date): WebhookEndpointView {
  const overlapRunning = record.previousSecretExpiresAt !== null && record.previousSecretExpiresAt > now.toISOString();
  return {
    id: record.id,
    url: record.url,
    description: record.description,
    // A type a later version dropped is not shown: it is no longer sent.
    eventTypes: record.eventTypes.flatMap((type) => {
      const parsed = webhookEventTypeSchema.safeParse(type);
      return parsed.success ? [parsed.data] : [];
    }),
    includeContactDetails: record.includeContactDetails,
    enabled: record.enabled,
    disabledReason: record.disabledReason,
    disabledAt: record.disabledAt,
    failingSince: record.failingSince,
    previousSecretExpiresAt: overlapRunning ? record.previousSecretExpiresAt : null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
