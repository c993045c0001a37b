import { describe, expect, it } from "vitest";
import { UsageError } from "./errors";
import { allEventTypes, parseEventTypes } from "./webhook-event-types";

describe("parseEventTypes", () => {
  it("takes comma-separated and repeated types, sorted and once each as the server keeps them", () => {
    expect(parseEventTypes(["offer.sent, offer.accepted", "offer.sent"], "webhooks create")).toEqual(["offer.accepted", "offer.sent"]);
  });

  it("reads all as every type but the test event", () => {
    const types = parseEventTypes(["all"], "webhooks create");
    expect(types).toEqual([...allEventTypes].sort());
    expect(types).not.toContain("webhook.test");
    expect(types).toContain("conversion.credited");
  });

  it("names every unknown type with the known ones", () => {
    expect(() => parseEventTypes(["offer.snet,agreement.made"], "webhooks create")).toThrow(
      /^unknown event types offer\.snet, agreement\.made: all, or some of offer\.sent, .*webhook\.test$/,
    );
  });

  it("asks for at least one type", () => {
    expect(() => parseEventTypes([" , "], "webhooks update")).toThrow(UsageError);
  });
});
