import { OfferkitError, type TestDeliveryResult } from "@offerkit/core";
import { findPendingWebhookDelivery } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { deliverWebhook, outcomeInWords } from "./deliver-webhook";
import { loadWebhookEndpoint } from "./endpoint-rules";
import { recordWebhookEvent } from "./record-event";

/**
 * Sends a `webhook.test` event to one endpoint now, whatever types it receives, through the same
 * outbox, signing and log as every event, and answers what the endpoint said.
 */
export async function sendTestEvent(deps: ApiDeps, sellerId: string, endpointId: string): Promise<TestDeliveryResult> {
  const endpoint = await loadWebhookEndpoint(deps.db, sellerId, endpointId);
  if (!endpoint.enabled) throw new OfferkitError("CONFLICT", `Webhook endpoint ${endpointId} is disabled; enable it first`);
  const now = deps.clock.now();
  // Written already held by this request for a lease: no background deliverer sends it too.
  const heldUntil = new Date(now.getTime() + deps.webhooks.leaseMs).toISOString();
  const data = { endpointId, message: "A test event from Offerkit" };
  const eventId = await deps.db.transaction().execute((trx) =>
    recordWebhookEvent(trx, deps.ids, { sellerId, type: "webhook.test", data, at: now }, { onlyEndpointId: endpointId, firstAttemptAt: heldUntil }),
  );
  const due = eventId === null ? null : await findPendingWebhookDelivery(deps.db, eventId, endpointId);
  if (eventId === null || due === null) throw new OfferkitError("CONFLICT", `Webhook endpoint ${endpointId} changed while the test event was written; try again`);
  const result = await deliverWebhook(deps, deps.webhooks, due);
  const delivered = result.state === "delivered";
  return {
    eventId,
    delivered,
    status: result.status,
    durationMs: Math.round(result.durationMs),
    summary: `${outcomeInWords(result)} in ${Math.round(result.durationMs)} ms`,
    response: result.response,
    nextAttemptAt: result.nextAttemptAt,
  };
}
