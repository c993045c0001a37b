import type { WebhookEventType } from "@offerkit/sdk";
import { UsageError } from "./errors";

// Keyed by the SDK's own type: an event type the API gains and this list lacks fails to compile.
const eventTypeHelp: Record<WebhookEventType, string> = {
  "offer.sent": "an offer was sent; its buyers can accept it",
  "offer.published": "a sent offer was published on the marketplace",
  "offer.publication_failed": "the marketplace refused a sent offer",
  "offer.accepted": "a buyer account accepted an offer",
  "offer.expired": "an offer's deadline passed before every account accepted",
  "agreement.created": "an agreement began",
  "agreement.ended": "an agreement ended or was cancelled",
  "contact.shared": "a buyer shared a support contact",
  "contact.updated": "a buyer changed a shared support contact",
  "contact.withdrawn": "a buyer withdrew a support contact",
  "conversion.credited": "a sale was credited to a campaign's ref tag",
  "webhook.test": "sent on request by offerkit webhooks test",
};

export const knownEventTypes = Object.keys(eventTypeHelp) as WebhookEventType[];

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
export const eventTypesHelp = knownEventTypes.map((type) => `    ${type.padEnd(26)}${eventTypeHelp[type]}`).join("\n");
