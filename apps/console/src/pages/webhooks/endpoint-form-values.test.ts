import type { WebhookEndpointView } from "@offerkit/sdk";
import { describe, expect, it } from "vitest";
import { createInputOf, emptyEndpointForm, endpointFormOf, formFieldErrors, missingFields, updateInputOf } from "./endpoint-form-values";

const endpoint: WebhookEndpointView = {
  id: "whep-abcdefghij12",
  url: "https://crm.example.com/hooks/offerkit",
  description: "CRM",
  eventTypes: ["offer.sent", "agreement.created"],
  includeContactDetails: false,
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  failingSince: null,
  previousSecretExpiresAt: null,
  createdAt: "2027-01-20T14:05:00.000Z",
  updatedAt: "2027-01-20T14:05:00.000Z",
};

describe("the endpoint form", () => {
  it("reads an endpoint, its types in the form's order", () => {
    expect(endpointFormOf(endpoint)).toEqual({ url: endpoint.url, description: "CRM", eventTypes: ["offer.sent", "agreement.created"], includeContactDetails: false });
  });

  it("sends what was typed, trimmed, the types in the form's order", () => {
    const values = { url: "  https://a.example.com/x ", description: " d ", eventTypes: ["webhook.test", "offer.sent"] as const, includeContactDetails: true };
    expect(createInputOf({ ...values, eventTypes: [...values.eventTypes] }, "key-1")).toEqual({
      url: "https://a.example.com/x",
      description: "d",
      eventTypes: ["offer.sent", "webhook.test"],
      includeContactDetails: true,
      idempotencyKey: "key-1",
    });
    expect(updateInputOf(endpoint.id, endpointFormOf(endpoint))).toEqual({ endpointId: endpoint.id, url: endpoint.url, description: "CRM", eventTypes: ["offer.sent", "agreement.created"], includeContactDetails: false });
  });

  it("says what is missing before asking the server", () => {
    expect(missingFields(emptyEndpointForm)).toEqual({ url: expect.any(String), eventTypes: "Choose at least one event type" });
    expect(missingFields(endpointFormOf(endpoint))).toEqual({});
  });

  it("puts the server's error about one event type on the list", () => {
    expect(formFieldErrors({ url: "https only", "eventTypes.1": "Unknown event type" })).toEqual({ url: "https only", eventTypes: "Unknown event type" });
  });
});
