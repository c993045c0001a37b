import { OfferkitError, type TestDeliveryResult } from "@offerkit/core";
import { claimWebhookDelivery, findPendingWebhookDelivery } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { deliverWebhook, describe } from "./deliver-webhook";
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
  const eventId = await deps.db.transaction().execute((trx) =>
    recordWebhookEvent(trx, deps.ids, { sellerId, type: "webhook.test", data: { endpointId, message: "A test event from Offerkit" }, at: now }, { onlyEndpointId: endpointId }),
  );
  const due = eventId === null ? null : await findPendingWebhookDelivery(deps.db, eventId, endpointId);
  const leaseUntil = new Date(now.getTime() + deps.webhooks.leaseMs).toISOString();
  // The background deliverer may have taken it first: then it reports in the log instead.
  if (!eventId || !due || !(await claimWebhookDelivery(deps.db, due, leaseUntil))) {
    return { eventId: eventId ?? "", delivered: false, status: null, durationMs: 0, summary: "Queued: the delivery log shows how it went", response: "", nextAttemptAt: null };
  }
  const result = await deliverWebhook(deps, deps.webhooks, due);
  const delivered = result.state === "delivered";
  return {
    eventId,
    delivered,
    status: result.status,
    durationMs: Math.round(result.durationMs),
    summary: `${describe(result)} in ${Math.round(result.durationMs)} ms`,
    response: result.response,
    nextAttemptAt: result.nextAttemptAt,
  };
}
