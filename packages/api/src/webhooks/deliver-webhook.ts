import { errorMessage, type WebhookPostOutcome } from "@offerkit/core";
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
 * Makes one attempt at a delivery this server has claimed (`delivery.nextAttemptAt` is its claim),
 * logs it and decides what follows:
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
  const { endpoint } = delivery;
  const now = deps.clock.now();
  const prepared = await prepare(deps, delivery, now, onError);
  const outcome = "body" in prepared ? await deps.webhookPoster.post(endpoint.url, prepared.headers, prepared.body) : prepared.failure;

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
    const moved = await recordWebhookAttempt(
      trx,
      { id: deps.ids.newId("what"), deliveryId: delivery.id, attemptedAt: at, durationMs: outcome.durationMs, status: outcome.status, error: outcome.error, response: outcome.response },
      { state, nextAttemptAt },
      delivery.nextAttemptAt,
    );
    // Replayed or taken over meanwhile, the delivery is another attempt's now; and an attempt that
    // never reached the endpoint says nothing of its health.
    if (!moved || "failure" in prepared) return;
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

/**
 * The signed body, or why there is none: a secret this server cannot open (a key rotation's
 * rolling restart) fails the attempt, logged and retried like any other, instead of leaving the
 * delivery claimed with no trace.
 */
async function prepare(
  deps: WebhookDeps,
  delivery: DueWebhookDelivery,
  now: Date,
  onError: (message: string) => void,
): Promise<{ body: string; headers: Record<string, string> } | { failure: WebhookPostOutcome }> {
  const { endpoint, event } = delivery;
  try {
    const body = await deliveryBody(deps, delivery, onError);
    const secrets = [deps.webhookSecrets.open(endpoint.id, endpoint.secret)];
    if (endpoint.previousSecret !== null && endpoint.previousSecretExpiresAt !== null && endpoint.previousSecretExpiresAt > now.toISOString()) {
      secrets.push(deps.webhookSecrets.open(endpoint.id, endpoint.previousSecret));
    }
    return { body, headers: signedHeaders(secrets, event.id, now, body) };
  } catch (error) {
    const message = `Not sent: this server could not prepare it (${errorMessage(error)})`;
    onError(`Webhook delivery ${delivery.id}: ${message}`);
    return { failure: { status: null, error: message, response: "", durationMs: 0, retryAfterMs: null } };
  }
}

/** An instant as people read it in a reason, the same in every time zone: "2027-01-20 14:05 UTC". */
const utcMinute = (instant: string) => `${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC`;

/** An attempt's outcome in a few words, for the reason an endpoint was disabled. */
export function outcomeInWords(outcome: Pick<WebhookPostOutcome, "status" | "error">): string {
  if (outcome.error !== null) return outcome.status === null ? outcome.error : `HTTP ${outcome.status}: ${outcome.error}`;
  return `HTTP ${outcome.status ?? "no answer"}`;
}
