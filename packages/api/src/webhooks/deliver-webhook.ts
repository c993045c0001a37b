import type { WebhookPostOutcome } from "@offerkit/core";
import { disableFailingEndpoint, markEndpointFailing, markEndpointHealthy, recordWebhookAttempt, type DueWebhookDelivery, type WebhookDeliveryState } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { deliveryBody } from "./delivery-body";
import { retryDelayMs } from "./retry-schedule";
import type { WebhookSettings } from "./settings";
import { signedHeaders } from "./signature";

export type WebhookDeps = Pick<ApiDeps, "db" | "clock" | "ids" | "cipher" | "webhookSecrets" | "webhookPoster">;

export interface DeliveryResult extends WebhookPostOutcome {
  state: WebhookDeliveryState;
  nextAttemptAt: string | null;
}

/**
 * Makes one attempt at a delivery this server has claimed, logs it and decides what follows:
 * delivered on any 2xx; otherwise tried again later until the retry window has passed, then
 * failed for good. An endpoint that answers 410 Gone, or whose deliveries kept failing for the
 * whole window, is disabled with the reason.
 */
export async function deliverWebhook(
  deps: WebhookDeps,
  settings: WebhookSettings,
  delivery: DueWebhookDelivery,
  { random = Math.random, onError = () => undefined }: { random?: () => number; onError?: (message: string) => void } = {},
): Promise<DeliveryResult> {
  const { endpoint, event } = delivery;
  const body = await deliveryBody(deps, delivery, onError);
  const now = deps.clock.now();
  const secrets = [deps.webhookSecrets.open(endpoint.id, endpoint.secret)];
  if (endpoint.previousSecret !== null && endpoint.previousSecretExpiresAt !== null && endpoint.previousSecretExpiresAt > now.toISOString()) {
    secrets.push(deps.webhookSecrets.open(endpoint.id, endpoint.previousSecret));
  }
  const outcome = await deps.webhookPoster.post(endpoint.url, signedHeaders(secrets, event.id, now, body), body);

  const at = now.toISOString();
  const attempt = delivery.attempts + 1;
  const succeeded = outcome.error === null && outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
  const gone = outcome.status === 410;
  const windowOver = now.getTime() - Date.parse(delivery.createdAt) >= settings.retryWindowMs;
  let state: WebhookDeliveryState = "pending";
  let nextAttemptAt: string | null = null;
  if (succeeded) state = "delivered";
  else if (gone || windowOver) state = "failed";
  else nextAttemptAt = new Date(now.getTime() + retryDelayMs(settings, attempt, random, outcome.retryAfterMs)).toISOString();

  await deps.db.transaction().execute(async (trx) => {
    await recordWebhookAttempt(
      trx,
      { id: deps.ids.newId("what"), deliveryId: delivery.id, attemptedAt: at, durationMs: outcome.durationMs, status: outcome.status, error: outcome.error, response: outcome.response },
      { state, nextAttemptAt },
    );
    if (succeeded) {
      // The usual case writes nothing more: the endpoint was not failing.
      if (endpoint.failingSince !== null) await markEndpointHealthy(trx, endpoint.id);
      return;
    }
    await markEndpointFailing(trx, endpoint.id, at);
    const failingSince = endpoint.failingSince ?? at;
    if (gone) {
      await disableFailingEndpoint(trx, endpoint.id, "The endpoint answered 410 Gone: it asked to receive nothing more", at);
    } else if (windowOver && failingSince <= delivery.createdAt) {
      await disableFailingEndpoint(trx, endpoint.id, `Every delivery since ${utcMinute(failingSince)} failed, for longer than the retry window; the last: ${outcomeInWords(outcome)}`, at);
    }
  });
  return { ...outcome, state, nextAttemptAt };
}

/** An instant as people read it in a reason, the same in every time zone: "2027-01-20 14:05 UTC". */
const utcMinute = (instant: string) => `${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC`;

/** An attempt's outcome in a few words, for the reason an endpoint was disabled. */
export function outcomeInWords(outcome: Pick<WebhookPostOutcome, "status" | "error">): string {
  if (outcome.error !== null) return outcome.status === null ? outcome.error : `HTTP ${outcome.status}: ${outcome.error}`;
  return `HTTP ${outcome.status ?? "no answer"}`;
}
