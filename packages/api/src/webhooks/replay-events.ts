import { OfferkitError, type replayWebhookInputSchema } from "@offerkit/core";
import { findWebhookEvent, listWebhookEventIds, queueWebhookReplays, type WebhookEndpointRecord, type WebhookEventRecord } from "@offerkit/db";
import type { z } from "zod";
import type { ApiDeps } from "../deps";
import { loadWebhookEndpoint } from "./endpoint-rules";

/** The most events one replay queues; a longer range is replayed in parts. */
export const MAX_REPLAYED_EVENTS = 10_000;

/**
 * Sends events again to one endpoint, with their own IDs (a receiver that deduplicates keeps
 * its first copy): one event by its ID, or every event of the types the endpoint receives in a
 * time range, as far back as the log is kept.
 */
export async function replayEvents(deps: Pick<ApiDeps, "db" | "clock" | "ids">, sellerId: string, input: z.output<typeof replayWebhookInputSchema>): Promise<{ queued: number }> {
  const endpoint = await loadWebhookEndpoint(deps.db, sellerId, input.endpointId);
  // Queued for a disabled endpoint, a replay would wait unseen: say so instead.
  if (!endpoint.enabled) throw new OfferkitError("CONFLICT", `Webhook endpoint ${endpoint.id} is disabled; enable it first`);
  let eventIds: string[];
  if ("eventId" in input) {
    const event = await findWebhookEvent(deps.db, sellerId, input.eventId);
    if (!event) throw new OfferkitError("NOT_FOUND", `No event ${input.eventId} (events are kept as long as the delivery log)`);
    if (!receives(endpoint, event)) {
      throw new OfferkitError("VALIDATION_FAILED", `Webhook endpoint ${endpoint.id} does not receive ${event.type} events`, [
        { path: ["eventId"], message: `This endpoint does not receive ${event.type}; add the type to it first` },
      ]);
    }
    eventIds = [event.id];
  } else {
    eventIds = await listWebhookEventIds(deps.db, {
      sellerId,
      types: endpoint.eventTypes,
      since: new Date(input.since).toISOString(),
      until: new Date(input.until).toISOString(),
      limit: MAX_REPLAYED_EVENTS + 1,
    });
    if (eventIds.length > MAX_REPLAYED_EVENTS) {
      throw new OfferkitError("VALIDATION_FAILED", `The range holds more than ${MAX_REPLAYED_EVENTS} events`, [
        { path: ["until"], message: `Replay at most ${MAX_REPLAYED_EVENTS} events at once: choose a shorter range` },
      ]);
    }
  }
  const now = deps.clock.now().toISOString();
  const queued = await deps.db.transaction().execute((trx) =>
    queueWebhookReplays(trx, { sellerId, endpointId: endpoint.id, eventIds, now, newDeliveryId: () => deps.ids.newId("whdl") }),
  );
  return { queued };
}

/** An endpoint receives the types it asked for, and the test events made for it. */
function receives(endpoint: WebhookEndpointRecord, event: WebhookEventRecord): boolean {
  if (endpoint.eventTypes.includes(event.type)) return true;
  return event.type === "webhook.test" && (JSON.parse(event.data) as { endpointId?: unknown }).endpointId === endpoint.id;
}
