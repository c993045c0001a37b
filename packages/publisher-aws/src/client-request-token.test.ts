import { describe, expect, it } from "vitest";
import { clientRequestToken } from "./client-request-token";

describe("the client request token", () => {
  it("is the same for every retry of one attempt, and new for the next attempt", () => {
    const first = clientRequestToken("offer-V1StGXR8_Z5jdHi6B-myT", 1);
    expect(clientRequestToken("offer-V1StGXR8_Z5jdHi6B-myT", 1)).toBe(first);
    expect(clientRequestToken("offer-V1StGXR8_Z5jdHi6B-myT", 2)).not.toBe(first);
    expect(clientRequestToken("offer-Other000000000000000", 1)).not.toBe(first);
  });

  it("fits the marketplace's limits: 1 to 36 word characters or dashes", () => {
    expect(clientRequestToken("offer-" + "x".repeat(40), 999)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
