import type { WebhookAttemptView, WebhookDeliveryView, WebhookEndpointView } from "@offerkit/sdk";

const REASON_WIDTH = 40;

/** At most `width` characters, cut between words where one ends late enough, so a table row stays one line. */
function shorten(text: string, width: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= width) return flat;
  const cut = flat.slice(0, width - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > width / 2 ? cut.slice(0, space) : cut).replace(/[\s:;,]+$/, "")}…`;
}

/**
 * An endpoint's state in one cell: whether it receives events and, when not, why, since a
 * disabled endpoint loses events silently until someone looks.
 */
export function endpointState(endpoint: WebhookEndpointView): string {
  if (!endpoint.enabled) return endpoint.disabledReason === null ? "disabled" : `disabled: ${shorten(endpoint.disabledReason, REASON_WIDTH)}`;
  return endpoint.failingSince === null ? "enabled" : `failing since ${endpoint.failingSince}`;
}

/** The lines above `webhooks show`'s fields that Offerkit's own disabling of an endpoint deserves. */
export function disabledNotice(endpoint: WebhookEndpointView): string {
  if (endpoint.enabled || endpoint.disabledReason === null) return "";
  return `Offerkit disabled this endpoint${endpoint.disabledAt === null ? "" : ` at ${endpoint.disabledAt}`}: ${endpoint.disabledReason}\nFix the receiver, then turn it on again: offerkit webhooks update ${endpoint.id} --enable\n\n`;
}

function stateDetail(endpoint: WebhookEndpointView): string {
  if (endpoint.enabled) return endpoint.failingSince === null ? "enabled" : `enabled, every delivery failing since ${endpoint.failingSince}`;
  const when = endpoint.disabledAt === null ? "" : ` since ${endpoint.disabledAt}`;
  return endpoint.disabledReason === null ? `disabled${when}` : `disabled by Offerkit${when}: ${endpoint.disabledReason}`;
}

/** Every field of an endpoint, as `key  value` pairs. */
export function endpointDetails(endpoint: WebhookEndpointView): [string, string][] {
  return [
    ["ID", endpoint.id],
    ["URL", endpoint.url],
    ["Description", endpoint.description],
    ["State", stateDetail(endpoint)],
    ["Events", `${endpoint.eventTypes.length}: ${endpoint.eventTypes.join(", ")}`],
    ["Contact details", endpoint.includeContactDetails ? "included in contact events" : "not sent"],
    ["Old secret", endpoint.previousSecretExpiresAt === null ? "-" : `still signs until ${endpoint.previousSecretExpiresAt}`],
    ["Created", endpoint.createdAt],
    ["Updated", endpoint.updatedAt],
  ];
}

function outcome(attempt: WebhookAttemptView): string {
  if (attempt.status !== null) return `HTTP ${attempt.status}`;
  return `error: ${(attempt.error ?? "no answer").replace(/\s+/g, " ").trim()}`;
}

function attemptCount(count: number): string {
  return count === 1 ? "1 attempt" : `${count} attempts`;
}

/**
 * The delivery log: a line per delivery, then each of its attempts on its own line (time,
 * status or error, duration), outcomes padded so the durations line up. A replay starts the
 * server's attempt count again but keeps the earlier attempts in the log: the count says as
 * many attempts as lines follow.
 */
export function deliveryLog(deliveries: readonly WebhookDeliveryView[]): string {
  const width = Math.max(0, ...deliveries.flatMap((delivery) => delivery.log.map((attempt) => outcome(attempt).length)));
  return deliveries
    .map((delivery) => {
      const head = `${delivery.id}  ${delivery.eventType}  ${delivery.eventId}  ${delivery.state}  ${attemptCount(Math.max(delivery.attempts, delivery.log.length))}  queued ${delivery.createdAt}`;
      const attempts = delivery.log.map((attempt) => `  ${attempt.at}  ${outcome(attempt).padEnd(width)}  ${attempt.durationMs} ms`);
      const next = delivery.state === "pending" && delivery.nextAttemptAt !== null ? [`  next attempt at ${delivery.nextAttemptAt}`] : [];
      return [head, ...attempts, ...next].join("\n");
    })
    .join("\n")
    .concat("\n");
}
