import { webhookEventTypeNames, webhookEventTypes, type WebhookEventType } from "@offerkit/sdk";

/** Every event an endpoint can receive, with what it means (core's own words, through the SDK), in the form's order. */
export const WEBHOOK_EVENT_DESCRIPTIONS: Readonly<Record<WebhookEventType, string>> = webhookEventTypes;

export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = webhookEventTypeNames;

/** Types in the form's order, whatever order they were ticked or stored in. */
export function inFormOrder(types: readonly WebhookEventType[]): WebhookEventType[] {
  return WEBHOOK_EVENT_TYPES.filter((type) => types.includes(type));
}
