import { WEBHOOK_EVENT_VERSION, webhookEventDataSchemas, type WebhookEventData, type WebhookEventType } from "@offerkit/core";
import { insertWebhookEvent, type Database, type Kysely } from "@offerkit/db";
import type { IdGenerator } from "../deps";

export interface RecordedEventOptions {
  /** Writes the event once for this key: sweeps find the same expired offer again and again. */
  dedupeKey?: string;
  /** Only this endpoint gets it (a test event), whatever types it receives. */
  onlyEndpointId?: string;
  /** When its deliveries are first due, if not at once: a caller that sends it itself holds it till then. */
  firstAttemptAt?: string;
}

/**
 * Writes an event to the outbox, with a delivery to each endpoint of the seller that wants it.
 * Call it inside the transaction of the change it reports: it commits, or vanishes, with it.
 * Answers the event's ID, or null when its dedupe key was written before.
 */
export async function recordWebhookEvent<T extends WebhookEventType>(
  trx: Kysely<Database>,
  ids: IdGenerator,
  event: { sellerId: string; type: T; data: WebhookEventData<T>; at: Date },
  options: RecordedEventOptions = {},
): Promise<string | null> {
  // Parsed here so no event leaves with a shape its documentation does not promise.
  const data = webhookEventDataSchemas[event.type].parse(event.data);
  const id = ids.newId("evt");
  const written = await insertWebhookEvent(
    trx,
    {
      id,
      sellerId: event.sellerId,
      type: event.type,
      version: WEBHOOK_EVENT_VERSION,
      data: JSON.stringify(data),
      dedupeKey: options.dedupeKey ?? null,
      createdAt: event.at.toISOString(),
    },
    () => ids.newId("whdl"),
    { onlyEndpointId: options.onlyEndpointId, firstAttemptAt: options.firstAttemptAt },
  );
  return written ? id : null;
}
