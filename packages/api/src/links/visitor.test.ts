import { describe, expect, it } from "vitest";
import { hashedOrigin, hashedVisitor, readCookie, validVisitorId, visitorCookie, visitorSession } from "./visitor";

describe("visitor sessions", () => {
  it("reads one cookie from a header", () => {
    expect(readCookie("ok_vid=abc; other=1", "ok_vid")).toBe("abc");
    expect(readCookie("a=1;ok_vid=xyz", "ok_vid")).toBe("xyz");
    expect(readCookie("a=1;   ok_vid=x=y; b=2", "ok_vid")).toBe("x=y");
    expect(readCookie("not_ok_vid=1; ok_vidx=2", "ok_vid")).toBeNull();
    expect(readCookie(undefined, "ok_vid")).toBeNull();
    expect(readCookie("", "ok_vid")).toBeNull();
  });

  it("trusts only IDs of the right shape", () => {
    expect(validVisitorId("visitor-aaaaaaaaaaaa")).toBe("visitor-aaaaaaaaaaaa");
    for (const bad of ["short", "x".repeat(65), "has space aaaaaaaaaa", "<script>aaaaaaaaaaaa", null, undefined]) expect(validVisitorId(bad)).toBeNull();
  });

  it("prefers the attribution ID, then the cookie, then the day's hash, and says when to set the cookie", () => {
    const hashed = () => "h_hashed-visitor-000";
    const fresh = () => "fresh-visitor-000001";
    expect(visitorSession("attribution-00000001", "cookie-visitor-00001", hashed, fresh)).toEqual({ key: "attribution-00000001", setCookie: true });
    expect(visitorSession("attribution-00000001", "attribution-00000001", hashed, fresh)).toEqual({ key: "attribution-00000001", setCookie: false });
    expect(visitorSession(null, "cookie-visitor-00001", hashed, fresh)).toEqual({ key: "cookie-visitor-00001", setCookie: false });
    expect(visitorSession(null, "bad", hashed, fresh)).toEqual({ key: "h_hashed-visitor-000", setCookie: true });
  });

  it("takes a hash cookie for the same visitor on its own day and network only; elsewhere the browser gets an ID of its own", () => {
    const fresh = () => "fresh-visitor-000001";
    expect(visitorSession(null, "h_hashed-visitor-000", () => "h_hashed-visitor-000", fresh)).toEqual({ key: "h_hashed-visitor-000", setCookie: false });
    expect(visitorSession(null, "h_hashed-visitor-000", () => "h_next-days-hash-000", fresh)).toEqual({ key: "v_hashed-visitor-000fresh-visitor-000001", setCookie: true });
  });

  it("keeps in a browser's own ID the hash it was known by, and finds that hash again", () => {
    const hash = hashedVisitor("salt-1", "203.0.113.7", "Mozilla");
    const own = visitorSession(null, hash, () => hashedVisitor("salt-2", "203.0.113.7", "Mozilla"), () => "0123456789abcdef");
    expect(own?.key).toHaveLength(50);
    expect(validVisitorId(own?.key)).toBe(own?.key);
    expect(hashedOrigin(own?.key ?? "")).toBe(hash);
    for (const plain of [hash, "cookie-visitor-00001", "v_short"]) expect(hashedOrigin(plain)).toBeNull();
  });

  it("needs the day's hash only for a visitor known by none or by a hash cookie", () => {
    const fresh = () => "fresh-visitor-000001";
    const noSalt = () => null;
    expect(visitorSession(null, "cookie-visitor-00001", noSalt, fresh)).toEqual({ key: "cookie-visitor-00001", setCookie: false });
    expect(visitorSession("attribution-00000001", null, noSalt, fresh)).toEqual({ key: "attribution-00000001", setCookie: true });
    expect(visitorSession(null, null, noSalt, fresh)).toBeNull();
    expect(visitorSession(null, "h_hashed-visitor-000", noSalt, fresh)).toBeNull();
  });

  it("hashes address and user agent with the day's salt, never keeping the address", () => {
    const a = hashedVisitor("salt-1", "203.0.113.7", "Mozilla");
    expect(a).toBe(hashedVisitor("salt-1", "203.0.113.7", "Mozilla"));
    expect(a).not.toBe(hashedVisitor("salt-2", "203.0.113.7", "Mozilla"));
    expect(a).not.toContain("203");
    expect(validVisitorId(a)).toBe(a);
  });

  it("makes a first-party, HttpOnly, Lax cookie, Secure over https", () => {
    expect(visitorCookie("visitor-aaaaaaaaaaaa", true)).toBe("ok_vid=visitor-aaaaaaaaaaaa; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax; Secure");
  });
});
