import { describe, expect, it } from "vitest";
import { classifyTraffic } from "./traffic";

const browser = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
const request = (userAgent: string | undefined, headers: { dnt?: string; secGpc?: string; purpose?: string } = {}, method = "GET") => ({
  method,
  userAgent,
  dnt: headers.dnt,
  secGpc: headers.secGpc,
  purpose: headers.purpose,
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
    expect(classifyTraffic(request(browser, { purpose: "prefetch;prerender" }))).toBe("prefetch");
    expect(classifyTraffic(request(browser, { purpose: "preview" }))).toBe("prefetch");
    expect(classifyTraffic(request(browser, { purpose: "something, prefetch" }))).toBe("prefetch");
    expect(classifyTraffic(request(browser, {}, "HEAD"))).toBe("prefetch");
  });

  it("tracks nobody who asks not to be", () => {
    expect(classifyTraffic(request(browser, { dnt: "1" }))).toBe("no-track");
    expect(classifyTraffic(request(browser, { secGpc: "1" }))).toBe("no-track");
  });
});

describe("remembered user-agent verdicts", () => {
  it("give every agent the same verdict as the first time, past the memory's size", () => {
    const agents = Array.from({ length: 2_500 }, (_, i) => (i % 2 === 0 ? `${browser} build/${i}` : `ExampleBot/${i} (+https://bots.example)`));
    const first = agents.map((agent) => classifyTraffic(request(agent)));
    expect(first.filter((verdict) => verdict === "bot")).toHaveLength(1_250);
    expect(agents.map((agent) => classifyTraffic(request(agent)))).toEqual(first);
  });

  it("tests an agent too long to remember each time it comes", () => {
    const longBot = `Mozilla/5.0 ${"x".repeat(600)} Googlebot/2.1`;
    expect(classifyTraffic(request(longBot))).toBe("bot");
    expect(classifyTraffic(request(longBot))).toBe("bot");
    expect(classifyTraffic(request(`  ${browser}  `))).toBe("count");
    expect(classifyTraffic(request("   "))).toBe("bot");
  });
});
