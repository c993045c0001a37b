import { describe, expect, it } from "vitest";
import { classifyTraffic } from "./traffic";

const browser = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
const request = (userAgent: string | undefined, headers: Record<string, string> = {}, method = "GET") => ({
  method,
  userAgent,
  header: (name: string) => headers[name],
});

describe("which hits count as clicks", () => {
  it("counts a browser", () => {
    expect(classifyTraffic(request(browser))).toBe("count");
  });

  it.each([
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Twitterbot/1.0",
    "LinkedInBot/1.0 (compatible; Mozilla/5.0)",
    "WhatsApp/2.23.20.0",
    "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
    "curl/8.5.0",
    "python-requests/2.31.0",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36",
    "",
  ])("does not count %s", (agent) => {
    expect(classifyTraffic(request(agent))).toBe("bot");
  });

  it("does not count prefetches, prerenders or HEAD", () => {
    expect(classifyTraffic(request(browser, { "sec-purpose": "prefetch;prerender" }))).toBe("prefetch");
    expect(classifyTraffic(request(browser, { purpose: "prefetch" }))).toBe("prefetch");
    expect(classifyTraffic(request(browser, { "x-moz": "prefetch" }))).toBe("prefetch");
    expect(classifyTraffic(request(browser, {}, "HEAD"))).toBe("prefetch");
  });

  it("tracks nobody who asks not to be", () => {
    expect(classifyTraffic(request(browser, { dnt: "1" }))).toBe("no-track");
    expect(classifyTraffic(request(browser, { "sec-gpc": "1" }))).toBe("no-track");
  });
});
