import { describe, expect, it } from "vitest";
import { derivedWebhookKey } from "./webhook-create-key";

describe("derivedWebhookKey", () => {
  const request = { url: "https://hooks.acme.example/offerkit", eventTypes: ["offer.sent", "offer.accepted"] as const, description: "CRM sync" };

  it("is the same for the same endpoint, whatever the order of its types", () => {
    const key = derivedWebhookKey({ ...request, eventTypes: [...request.eventTypes] });
    expect(key).toMatch(/^cli-webhook-[0-9a-f]{64}$/);
    expect(derivedWebhookKey({ description: "CRM sync", eventTypes: ["offer.accepted", "offer.sent"], url: request.url })).toBe(key);
  });

  it("changes with any field", () => {
    const key = derivedWebhookKey({ ...request, eventTypes: [...request.eventTypes] });
    expect(derivedWebhookKey({ ...request, eventTypes: ["offer.sent"] })).not.toBe(key);
    expect(derivedWebhookKey({ ...request, eventTypes: [...request.eventTypes], includeContactDetails: true })).not.toBe(key);
    expect(derivedWebhookKey({ ...request, eventTypes: [...request.eventTypes], url: "https://hooks.acme.example/other" })).not.toBe(key);
  });
});
