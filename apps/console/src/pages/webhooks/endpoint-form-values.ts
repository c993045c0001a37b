import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput, WebhookEndpointView, WebhookEventType } from "@offerkit/sdk";
import type { FieldErrors } from "../../errors";
import { inFormOrder } from "./event-types";

/** The endpoint form as typed. */
export interface EndpointFormValues {
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  includeContactDetails: boolean;
}

export const emptyEndpointForm: EndpointFormValues = { url: "", description: "", eventTypes: [], includeContactDetails: false };

export function endpointFormOf(endpoint: WebhookEndpointView): EndpointFormValues {
  return { url: endpoint.url, description: endpoint.description, eventTypes: inFormOrder(endpoint.eventTypes), includeContactDetails: endpoint.includeContactDetails };
}

function sentFields(values: EndpointFormValues) {
  return { url: values.url.trim(), description: values.description.trim(), eventTypes: inFormOrder(values.eventTypes), includeContactDetails: values.includeContactDetails };
}

/** A new endpoint; the idempotency key makes a retried click add it once. */
export function createInputOf(values: EndpointFormValues, idempotencyKey: string): CreateWebhookEndpointInput {
  return { ...sentFields(values), idempotencyKey };
}

export function updateInputOf(endpointId: string, values: EndpointFormValues): UpdateWebhookEndpointInput {
  return { endpointId, ...sentFields(values) };
}

/**
 * What the form can tell before asking the server: an empty URL, no event type. Everything else
 * (https, private addresses, the contacts:read scope) is the server's to say.
 */
export function missingFields(values: EndpointFormValues): FieldErrors {
  return {
    ...(values.url.trim() === "" && { url: "Write the URL that receives the events, e.g. https://example.com/webhooks/offerkit" }),
    ...(values.eventTypes.length === 0 && { eventTypes: "Choose at least one event type" }),
  };
}

/** The server's field errors on the form's fields: an error about one event type (`eventTypes.2`) is the list's. */
export function formFieldErrors(errors: FieldErrors): FieldErrors {
  const fields: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = path.split(".")[0] ?? path;
    fields[field] ??= message;
  }
  return fields;
}
