import { webhookEventTypeNames, webhookEventTypes, type WebhookEventType } from "@offerkit/sdk";
import { UsageError } from "./errors";

export const knownEventTypes: readonly WebhookEventType[] = webhookEventTypeNames;

/** What `--events all` subscribes to: a test event is only ever sent on request, so subscribing to it means nothing. */
export const allEventTypes = knownEventTypes.filter((type) => type !== "webhook.test");

function isEventType(value: string): value is WebhookEventType {
  return (knownEventTypes as string[]).includes(value);
}

/**
 * `--events offer.sent,offer.accepted` (repeatable), or `all`: each type checked by name here,
 * so a typo is named with the known types before anything is sent.
 */
export function parseEventTypes(values: readonly string[], command: string): WebhookEventType[] {
  const names = values.flatMap((value) => value.split(",")).map((value) => value.trim()).filter((value) => value !== "");
  if (names.length === 0) throw new UsageError(`missing --events: give all, or some of ${knownEventTypes.join(", ")}`, command);
  const unknown = names.filter((name) => name !== "all" && !isEventType(name));
  if (unknown.length > 0) {
    const which = unknown.length === 1 ? "type" : "types";
    throw new UsageError(`unknown event ${which} ${unknown.join(", ")}: all, or some of ${knownEventTypes.join(", ")}`, command);
  }
  const types = names.includes("all") ? [...allEventTypes, ...names.filter(isEventType)] : names.filter(isEventType);
  // The server keeps them sorted and once each: the same here, so the key made from them is too.
  return [...new Set(types)].sort();
}

/** The event types as the help lists them, one a line. */
export const eventTypesHelp = knownEventTypes.map((type) => `    ${type.padEnd(26)}${webhookEventTypes[type]}`).join("\n");
