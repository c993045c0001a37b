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

  it.each([
    // On isbot's list, missed by the pattern this module kept before it.
    "axios/1.7.2",
    "Apache-HttpClient/4.5.14 (Java/17.0.8)",
    "PostmanRuntime/7.39.0",
    "Scrapy/2.11 (+https://scrapy.org)",
    "Iframely/1.3.1 (+https://iframely.com/docs/about)",
    "meta-externalagent/1.1",
    "Feedly/1.0",
    "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
    "Java/17.0.2",
    "okhttp/4.12.0",
  ])("does not count %s (isbot's list)", (agent) => {
    expect(classifyTraffic(request(agent))).toBe("bot");
  });

  it.each([
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36 [FBAN/FB4A;FBAV/470.0.0.0;]",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.29.6",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
    "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
  ])("counts a person's browser, in-app browsers of social networks included: %s", (agent) => {
    expect(classifyTraffic(request(agent))).toBe("count");
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
