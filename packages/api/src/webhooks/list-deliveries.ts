import { OfferkitError, webhookEventTypeSchema, type listWebhookDeliveriesInputSchema, type WebhookDeliveriesPage } from "@offerkit/core";
import { decodeCursor, listWebhookDeliveries, toPage } from "@offerkit/db";
import type { z } from "zod";
import type { ApiDeps } from "../deps";
import { loadWebhookEndpoint } from "./endpoint-rules";

/** An endpoint's delivery log, newest first: each delivery with every attempt it took. */
export async function listDeliveries(
  deps: Pick<ApiDeps, "db">,
  sellerId: string,
  { endpointId, state, cursor, limit }: z.output<typeof listWebhookDeliveriesInputSchema>,
): Promise<WebhookDeliveriesPage> {
  await loadWebhookEndpoint(deps.db, sellerId, endpointId);
  const after = cursor === undefined ? null : decodeCursor(cursor);
  if (cursor !== undefined && after === null) {
    throw new OfferkitError("VALIDATION_FAILED", "Unknown cursor", [{ path: ["cursor"], message: "Pass the `nextCursor` of the previous page" }]);
  }
  const rows = await listWebhookDeliveries(deps.db, { endpointId, state, after, limit: limit + 1 });
  const page = toPage(rows, limit);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((row) => ({
      id: row.id,
      eventId: row.eventId,
      eventType: webhookEventTypeSchema.parse(row.eventType),
      state: row.state,
      attempts: row.attempts,
      nextAttemptAt: row.nextAttemptAt,
      createdAt: row.createdAt,
      deliveredAt: row.deliveredAt,
      log: row.log.map((attempt) => ({ at: attempt.attemptedAt, durationMs: attempt.durationMs, status: attempt.status, error: attempt.error, response: attempt.response })),
    })),
  };
}
