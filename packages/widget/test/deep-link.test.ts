import { afterEach, describe, expect, it, vi } from "vitest";
import { buildDeepLink } from "../src/index";
import { forgetWarnings } from "../src/warn";

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  forgetWarnings();
});

describe("buildDeepLink", () => {
  it("links to the marketplace page with the default tag", () => {
    expect(buildDeepLink({ asin: "B00635Y2IW" })).toBe("https://aws.amazon.com/marketplace/pp/B00635Y2IW/ref=vdr_rf");
  });

  it("carries the campaign's tag", () => {
    expect(buildDeepLink({ asin: "B00635Y2IW", refTag: "ads_google_q3" })).toBe("https://aws.amazon.com/marketplace/pp/B00635Y2IW/ref=ads_google_q3");
  });

  it("goes through the seller's tracking redirect when one is set, with the attribution ID", () => {
    expect(buildDeepLink({ asin: "B00635Y2IW", refTag: "acme_ptnr_launch", trackingBaseUrl: "https://links.acme.example/" })).toBe(
      "https://links.acme.example/pp/B00635Y2IW/ref=acme_ptnr_launch",
    );
    expect(buildDeepLink({ asin: "B00635Y2IW", trackingBaseUrl: "https://links.acme.example", attributionId: "visitor_0123456789ab" })).toBe(
      "https://links.acme.example/pp/B00635Y2IW/ref=vdr_rf?aid=visitor_0123456789ab",
    );
  });

  it("keeps a path on the base and uses a configured marketplace", () => {
    expect(buildDeepLink({ asin: "B00635Y2IW", trackingBaseUrl: "https://acme.example/offerkit" })).toBe("https://acme.example/offerkit/pp/B00635Y2IW/ref=vdr_rf");
    expect(buildDeepLink({ asin: "B00635Y2IW", marketplaceUrl: "https://marketplace.test" })).toBe("https://marketplace.test/pp/B00635Y2IW/ref=vdr_rf");
  });

  it.each([
    ["a lower-case ASIN", { asin: "b00635y2iw" }],
    ["a short ASIN", { asin: "B00635Y2I" }],
    ["a path in the ASIN", { asin: "../../evil" }],
    ["a Cyrillic look-alike letter", { asin: "\u041200635Y2IW" }],
    ["a full-width letter", { asin: "\uFF22\u0030\u0030635Y2IW" }],
    ["an empty tag", { asin: "B00635Y2IW", refTag: "" }],
    ["a slash in the tag", { asin: "B00635Y2IW", refTag: "a/../../evil" }],
    ["a query in the tag", { asin: "B00635Y2IW", refTag: "x?next=https://evil.example" }],
    ["an over-long tag", { asin: "B00635Y2IW", refTag: "a".repeat(51) }],
    ["a script URL as base", { asin: "B00635Y2IW", trackingBaseUrl: "javascript:alert(1)//" }],
    ["a protocol-relative base", { asin: "B00635Y2IW", trackingBaseUrl: "//evil.example" }],
    ["a base with credentials", { asin: "B00635Y2IW", trackingBaseUrl: "https://user:pw@links.acme.example" }],
    ["a base with a query", { asin: "B00635Y2IW", marketplaceUrl: "https://evil.example/?next=" }],
    ["an empty tracking base", { asin: "B00635Y2IW", trackingBaseUrl: "" }],
    ["a malformed attribution ID", { asin: "B00635Y2IW", trackingBaseUrl: "https://links.acme.example", attributionId: "a&b=c" }],
  ])("builds no link from %s, and says why in development", (_case, options) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(buildDeepLink(options)).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("renders no link"));
  });

  it("stays silent in production", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    vi.stubEnv("NODE_ENV", "production");
    try {
      expect(buildDeepLink({ asin: "nope" })).toBeNull();
    } finally {
      vi.unstubAllEnvs();
    }
    expect(warn).not.toHaveBeenCalled();
  });
});
