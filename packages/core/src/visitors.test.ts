import { describe, expect, it } from "vitest";
import { hashedOrigin, hashedVisitorId, validVisitorId, visitorSession } from "./visitors";

describe("visitor sessions", () => {
  it("trusts only IDs of the right shape", () => {
    expect(validVisitorId("visitor-aaaaaaaaaaaa")).toBe("visitor-aaaaaaaaaaaa");
    for (const bad of ["short", "x".repeat(65), "has space aaaaaaaaaa", "<script>aaaaaaaaaaaa", null, undefined]) expect(validVisitorId(bad)).toBeNull();
  });

  it("prefers the attribution ID, then the cookie, then the day's hash, and says when the browser must be given its ID", () => {
    const hashed = () => "h_hashed-visitor-000";
    const fresh = () => "fresh-visitor-000001";
    expect(visitorSession("attribution-00000001", "cookie-visitor-00001", hashed, fresh)).toEqual({ visitorId: "attribution-00000001", handOver: true });
    expect(visitorSession("attribution-00000001", "attribution-00000001", hashed, fresh)).toEqual({ visitorId: "attribution-00000001", handOver: false });
    expect(visitorSession(null, "cookie-visitor-00001", hashed, fresh)).toEqual({ visitorId: "cookie-visitor-00001", handOver: false });
    expect(visitorSession(null, "bad", hashed, fresh)).toEqual({ visitorId: "h_hashed-visitor-000", handOver: true });
  });

  it("takes a hash cookie for the same visitor on its own day and network only; elsewhere the browser gets an ID of its own", () => {
    const fresh = () => "fresh-visitor-000001";
    expect(visitorSession(null, "h_hashed-visitor-000", () => "h_hashed-visitor-000", fresh)).toEqual({ visitorId: "h_hashed-visitor-000", handOver: false });
    expect(visitorSession(null, "h_hashed-visitor-000", () => "h_next-days-hash-000", fresh)).toEqual({ visitorId: "v_hashed-visitor-000fresh-visitor-000001", handOver: true });
  });

  it("keeps in a browser's own ID the hash it was known by, and finds that hash again", () => {
    const hash = hashedVisitorId("A".repeat(43));
    expect(hash).toBe(`h_${"A".repeat(32)}`);
    const own = visitorSession(null, hash, () => hashedVisitorId("B".repeat(43)), () => "0123456789abcdef");
    expect(own?.visitorId).toHaveLength(50);
    expect(validVisitorId(own?.visitorId)).toBe(own?.visitorId);
    expect(hashedOrigin(own?.visitorId ?? "")).toBe(hash);
    for (const plain of [hash, "cookie-visitor-00001", "v_short"]) expect(hashedOrigin(plain)).toBeNull();
  });

  it("needs the day's hash only for a visitor known by none or by a hash cookie", () => {
    const fresh = () => "fresh-visitor-000001";
    const noSalt = () => null;
    expect(visitorSession(null, "cookie-visitor-00001", noSalt, fresh)).toEqual({ visitorId: "cookie-visitor-00001", handOver: false });
    expect(visitorSession("attribution-00000001", null, noSalt, fresh)).toEqual({ visitorId: "attribution-00000001", handOver: true });
    expect(visitorSession(null, null, noSalt, fresh)).toBeNull();
    expect(visitorSession(null, "h_hashed-visitor-000", noSalt, fresh)).toBeNull();
  });
});
