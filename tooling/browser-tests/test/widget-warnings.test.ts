import { startServerProcess, type ServerProcess } from "@offerkit/test-server";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, visitorUserAgent } from "../src/chromium";
import { startExampleSite, type ExampleSite } from "../src/example-site";

describe("the widget's warnings about typos, in Chromium's console", () => {
  let site: ExampleSite;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    site = await startExampleSite();
    server = await startServerProcess({ OFFERKIT_MARKETPLACE_URL: site.marketplaceUrl, OFFERKIT_CORS_ORIGINS: site.url });
    await site.useOfferkit(server.url);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await site?.close();
  });

  /** The page's console warnings once it has settled. */
  async function warningsOn(path: string): Promise<string[]> {
    const page = await browser.newPage({ userAgent: visitorUserAgent(browser) });
    const warnings: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "warning") warnings.push(message.text());
    });
    await page.goto(`${site.url}${path}`, { waitUntil: "load" });
    await page.waitForTimeout(200);
    await page.close();
    return warnings;
  }

  it("the embed script with data-debug names the anchor whose ASIN is malformed, once", async () => {
    expect(await warningsOn("/embed-debug.html")).toEqual([
      '[offerkit] <a id="broken" data-offerkit-asin="not-an-asin"> renders no link: "not-an-asin" is not an ASIN (10 upper-case letters or digits).',
    ]);
  });

  it("the embed script without data-debug stays silent: it is a production build", async () => {
    expect(await warningsOn("/embed.html")).toEqual([]);
  });

  it("a development bundle of a React page names the component", async () => {
    expect(await warningsOn("/react-dev.html")).toEqual([
      '[offerkit] <MarketplaceLink asin="B00635Y2I" refTag="ads_dev"> renders no link: "B00635Y2I" is not an ASIN (10 upper-case letters or digits).',
    ]);
  });

  it("the production bundle of the same page stays silent", async () => {
    expect(await warningsOn("/react.html")).toEqual([]);
  });
});
