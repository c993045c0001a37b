import { describe, expect, it } from "vitest";
import { readCookie, visitorCookie, visitorIdOf } from "./visitor-cookie";

describe("the visitor cookie", () => {
  it("reads one cookie from a header", () => {
    expect(readCookie("ok_vid=abc; other=1", "ok_vid")).toBe("abc");
    expect(readCookie("a=1;ok_vid=xyz", "ok_vid")).toBe("xyz");
    expect(readCookie("a=1;   ok_vid=x=y; b=2", "ok_vid")).toBe("x=y");
    expect(readCookie("not_ok_vid=1; ok_vidx=2", "ok_vid")).toBeNull();
    expect(readCookie(undefined, "ok_vid")).toBeNull();
    expect(readCookie("", "ok_vid")).toBeNull();
  });

  it("takes a visitor ID of the right shape only", () => {
    expect(visitorIdOf("theme=dark; ok_vid=visitor-aaaaaaaaaaaa")).toBe("visitor-aaaaaaaaaaaa");
    expect(visitorIdOf("ok_vid=<script>aaaaaaaaaaaa")).toBeNull();
    expect(visitorIdOf("ok_vid=short")).toBeNull();
  });

  it("is first-party, HttpOnly and Lax for 30 days, Secure over https", () => {
    expect(visitorCookie("visitor-aaaaaaaaaaaa", true)).toBe("ok_vid=visitor-aaaaaaaaaaaa; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax; Secure");
    expect(visitorCookie("visitor-aaaaaaaaaaaa", false)).toBe("ok_vid=visitor-aaaaaaaaaaaa; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax");
  });
});
