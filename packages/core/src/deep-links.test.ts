import { describe, expect, it } from "vitest";
import { buildDeepLink, DEFAULT_MARKETPLACE_URL, isOnlineAdTag, isPartnerTag, parseDeepLinkPath, refTagSchema } from "./deep-links";

describe("deep links", () => {
  it("builds the marketplace link with the default tag", () => {
    expect(buildDeepLink(DEFAULT_MARKETPLACE_URL, { asin: "B00635Y2IW" })).toBe("https://aws.amazon.com/marketplace/pp/B00635Y2IW/ref=vdr_rf");
    expect(buildDeepLink("https://marketplace.example/", { asin: "B00635Y2IW", refTag: "ads_google_q3" })).toBe(
      "https://marketplace.example/pp/B00635Y2IW/ref=ads_google_q3",
    );
  });

  it("builds nothing from a bad ASIN, tag or base", () => {
    expect(() => buildDeepLink(DEFAULT_MARKETPLACE_URL, { asin: "b00635y2iw" })).toThrow();
    expect(() => buildDeepLink(DEFAULT_MARKETPLACE_URL, { asin: "B00635Y2IW", refTag: "a-b" })).toThrow();
    expect(() => buildDeepLink(DEFAULT_MARKETPLACE_URL, { asin: "B00635Y2IW", refTag: "x".repeat(51) })).toThrow();
    expect(() => buildDeepLink("javascript:alert(1)", { asin: "B00635Y2IW" })).toThrow();
    expect(() => buildDeepLink("https://evil.example/?next=", { asin: "B00635Y2IW" })).toThrow();
    for (const swallowing of ["https://aws.amazon.com/marketplace?", "https://aws.amazon.com/marketplace#", "https://user@aws.amazon.com/marketplace"]) {
      expect(() => buildDeepLink(swallowing, { asin: "B00635Y2IW" }), swallowing).toThrow("no query, fragment or credentials");
    }
  });

  it("keeps the base as the URL parser writes it: ASCII, fit for a Location header", () => {
    expect(buildDeepLink("https://AWS.Amazon.com/market€/", { asin: "B00635Y2IW" })).toBe("https://aws.amazon.com/market%E2%82%AC/pp/B00635Y2IW/ref=vdr_rf");
    expect(buildDeepLink("https://bücher.example/shop", { asin: "B00635Y2IW" })).toBe("https://xn--bcher-kva.example/shop/pp/B00635Y2IW/ref=vdr_rf");
  });

  it("refuses tags with anything but letters, digits and _, rather than cleaning them", () => {
    for (const bad of ["", "a b", "a-b", "a/b", "ä", "a.b", "%41", "x".repeat(51)]) expect(refTagSchema.safeParse(bad).success, bad).toBe(false);
    for (const good of ["vdr_rf", "ads_google_q3", "acme_ptnr_launch", "A1", "x".repeat(50)]) expect(refTagSchema.parse(good)).toBe(good);
  });

  it("parses the served path shapes", () => {
    expect(parseDeepLinkPath("/pp/B00635Y2IW/ref=ads_q3")).toEqual({ ok: true, asin: "B00635Y2IW", refTag: "ads_q3" });
    expect(parseDeepLinkPath("/pp/B00635Y2IW")).toEqual({ ok: true, asin: "B00635Y2IW", refTag: "vdr_rf" });
    expect(parseDeepLinkPath("/pp/B00635Y2IW/")).toEqual({ ok: true, asin: "B00635Y2IW", refTag: "vdr_rf" });
    expect(parseDeepLinkPath("/pp/B00635Y2IW/ref=x?next=https://evil.example")).toEqual({ ok: true, asin: "B00635Y2IW", refTag: "x" });
  });

  it.each([
    "/pp/B00635Y2IW/ref=vdr%5Frf",
    "/pp/B00635Y2IW%2F..%2Fevil/ref=x",
    "/pp//evil.example/ref=x",
    "/pp/B00635Y2IW/ref=x/..//evil.example",
    "/pp/B00635Y2IW\\evil.example",
    "/pp/B00635Y2ІW/ref=x",
    "/pp/B00635Y2IW/ref=" + "a".repeat(51),
    "/pp/B00635Y2IW/ref=",
    "/pp/B00635Y2IW/ref=a b",
    "/pp/b00635y2iw/ref=x",
    "/pp/B00635Y2IWX/ref=x",
    "//pp/B00635Y2IW",
    "/PP/B00635Y2IW",
  ])("refuses the hostile path %s", (path) => {
    expect(parseDeepLinkPath(path).ok).toBe(false);
  });

  it("knows online-ad and partner tags", () => {
    expect(isOnlineAdTag("ads_google_q3")).toBe(true);
    expect(isOnlineAdTag("vdr_rf")).toBe(false);
    expect(isPartnerTag("acme_ptnr_launch")).toBe(true);
    expect(isPartnerTag("ptnr_acme")).toBe(false);
  });
});
