import { hashedOrigin, validVisitorId, visitorSession } from "@offerkit/core";
import { describe, expect, it } from "vitest";
import { hashedVisitor } from "./hashed-visitor";

describe("the cookieless visitor's hash", () => {
  it("hashes address and user agent with the day's salt, never keeping the address", () => {
    const a = hashedVisitor("salt-1", "203.0.113.7", "Mozilla");
    expect(a).toBe(hashedVisitor("salt-1", "203.0.113.7", "Mozilla"));
    expect(a).not.toBe(hashedVisitor("salt-2", "203.0.113.7", "Mozilla"));
    expect(a).not.toBe(hashedVisitor("salt-1", "203.0.113.8", "Mozilla"));
    expect(a).not.toContain("203");
    expect(validVisitorId(a)).toBe(a);
  });

  it("is found again in the ID a browser gets of its own the next day", () => {
    const hash = hashedVisitor("salt-1", "203.0.113.7", "Mozilla");
    const own = visitorSession(null, hash, () => hashedVisitor("salt-2", "203.0.113.7", "Mozilla"), () => "0123456789abcdef");
    expect(own?.handOver).toBe(true);
    expect(hashedOrigin(own?.visitorId ?? "")).toBe(hash);
  });
});
