import type { WebhookDeliveryView, WebhookEndpointView } from "@offerkit/sdk";
import { describe, expect, it } from "vitest";
import { deliveryLog, disabledNotice, endpointState } from "./webhook-details";

const endpoint: WebhookEndpointView = {
  id: "whep-V1StGXR8_Z5jdHi6B-myT",
  url: "https://hooks.acme.example/offerkit",
  description: "",
  eventTypes: ["offer.sent"],
  includeContactDetails: false,
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  failingSince: null,
  previousSecretExpiresAt: null,
  createdAt: "2027-03-01T10:00:00.000Z",
  updatedAt: "2027-03-01T10:00:00.000Z",
};

describe("endpointState", () => {
  it("says enabled, failing since when, disabled, and Offerkit's reason shortened", () => {
    expect(endpointState(endpoint)).toBe("enabled");
    expect(endpointState({ ...endpoint, failingSince: "2027-03-02T08:00:00.000Z" })).toBe("failing since 2027-03-02T08:00:00.000Z");
    expect(endpointState({ ...endpoint, enabled: false })).toBe("disabled");
    const reason = "Every delivery failed for 3 days: the last answer was HTTP 503";
    expect(endpointState({ ...endpoint, enabled: false, disabledReason: reason })).toBe("disabled: Every delivery failed for 3 days: the…");
  });
});

describe("disabledNotice", () => {
  it("is empty unless Offerkit disabled the endpoint, then gives the reason in full and the fix", () => {
    expect(disabledNotice({ ...endpoint, enabled: false })).toBe("");
    expect(disabledNotice({ ...endpoint, enabled: false, disabledReason: "Every delivery failed for 3 days", disabledAt: "2027-03-04T08:00:00.000Z" })).toBe(
      "Offerkit disabled this endpoint at 2027-03-04T08:00:00.000Z: Every delivery failed for 3 days\n" +
        "Fix the receiver, then turn it on again: offerkit webhooks update whep-V1StGXR8_Z5jdHi6B-myT --enable\n\n",
    );
  });
});

describe("deliveryLog", () => {
  it("puts each attempt on its own line, outcomes padded, and when a pending one is tried next", () => {
    const delivery: WebhookDeliveryView = {
      id: "whdl-1",
      eventId: "evt-1",
      eventType: "offer.sent",
      state: "pending",
      attempts: 2,
      nextAttemptAt: "2027-03-01T10:05:00.000Z",
      createdAt: "2027-03-01T10:00:00.000Z",
      deliveredAt: null,
      log: [
        { at: "2027-03-01T10:00:00.100Z", durationMs: 10000, status: null, error: "timeout\nafter 10 s", response: "" },
        { at: "2027-03-01T10:01:00.100Z", durationMs: 12, status: 503, error: null, response: "busy" },
      ],
    };
    expect(deliveryLog([delivery])).toBe(
      "whdl-1  offer.sent  evt-1  pending  2 attempts  queued 2027-03-01T10:00:00.000Z\n" +
        "  2027-03-01T10:00:00.100Z  error: timeout after 10 s  10000 ms\n" +
        "  2027-03-01T10:01:00.100Z  HTTP 503                   12 ms\n" +
        "  next attempt at 2027-03-01T10:05:00.000Z\n",
    );
  });
});
