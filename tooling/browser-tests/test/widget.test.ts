import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { rpc, seedBuyerScenario, type BuyerScenario } from "@offerkit/test-server/seed";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { axeViolations } from "../src/axe";
import { launchChromium, visitorUserAgent } from "../src/chromium";
import { startExampleSite, type ExampleSite } from "../src/example-site";

const screenshots = join(dirname(fileURLToPath(import.meta.url)), "..", "screenshots");
const ASIN = "B00635Y2IW";

describe("the widget in Chromium, on a marketing site, against a real server", () => {
  let site: ExampleSite;
  let server: ServerProcess;
  let browser: Browser;
  let scenario: BuyerScenario;
  const pages: Page[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    site = await startExampleSite();
    server = await startServerProcess({ OFFERKIT_MARKETPLACE_URL: site.marketplaceUrl, OFFERKIT_CORS_ORIGINS: site.url });
    await site.useOfferkit(server.url);
    scenario = await seedBuyerScenario(server.url);
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await site?.close();
  });

  async function open(path: string, query: Record<string, string> = {}): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, userAgent: visitorUserAgent(browser) });
    pages.push(page);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${site.url}${path}?${new URLSearchParams(query)}`);
    expect(errors).toEqual([]);
    return page;
  }

  /** The page after the banner's question has been answered, whatever the answer. */
  async function openAfterBanner(path: string, query: Record<string, string>): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, userAgent: visitorUserAgent(browser) });
    pages.push(page);
    const answered = page.waitForResponse((response) => response.url().includes("/trpc/buyer.banner") && response.request().method() === "GET");
    await page.goto(`${site.url}${path}?${new URLSearchParams(query)}`);
    expect((await answered).status()).toBe(200);
    return page;
  }

  async function clicksFor(refTag: string): Promise<number> {
    const today = new Date().toISOString().slice(0, 10);
    const stats = await rpc(server.url, ADMIN_KEY)(
      "marketing.stats",
      "query",
      { from: today, to: today, refTag, asin: ASIN },
      z.array(z.object({ clicks: z.number() })),
    );
    return stats.reduce((sum, day) => sum + day.clicks, 0);
  }

  it("upgrades the page's links, and a click goes through the tracking redirect and is counted", async () => {
    const page = await open("/embed.html");
    const buy = page.locator("#buy");
    await expect.poll(() => buy.getAttribute("href")).toBe(`${server.url}/pp/${ASIN}/ref=ads_example_embed`);
    expect(await page.locator("#element-link a").getAttribute("href")).toBe(`${server.url}/pp/${ASIN}/ref=acme_ptnr_example`);
    expect(await page.locator("#broken").getAttribute("href")).toBeNull();
    expect(await clicksFor("ads_example_embed")).toBe(0);

    await Promise.all([page.waitForURL(`${site.marketplaceUrl}/pp/${ASIN}/ref=ads_example_embed`), buy.click()]);
    await page.screenshot({ path: join(screenshots, "widget-marketplace-after-click.png") });
    // Clicks are written in batches a few milliseconds apart.
    await expect.poll(() => clicksFor("ads_example_embed"), { timeout: 5000 }).toBe(1);
  });

  it("shows the private-offer banner to the targeted account and not to another", async () => {
    for (const path of ["/embed.html", "/react.html"]) {
      const targeted = await openAfterBanner(path, { buyerToken: scenario.targetedToken });
      const banner = targeted.locator("[role=status]");
      await expect.poll(() => banner.textContent()).toContain("You have a private offer for this product.");
      expect(await banner.locator("a").getAttribute("href")).toBe(scenario.buyerUrl);
      if (path === "/embed.html") await targeted.screenshot({ path: join(screenshots, "widget-embed-banner.png") });

      const other = await openAfterBanner(path, { buyerToken: scenario.otherToken });
      await other.waitForTimeout(100);
      expect(await other.locator("[role=status]").count(), path).toBe(0);
    }
  });

  it("refuses the support form without consent, and shares the contact with it", async () => {
    const page = await open("/react.html", { buyerToken: scenario.targetedToken, subscriptionId: scenario.subscriptionId });
    const shares: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("buyer.contacts.share")) shares.push(request.method());
    });
    await page.getByLabel("Given name").fill("Ada");
    await page.getByLabel("Surname").fill("Lovelace");
    await page.getByLabel("Organization").fill("Acme");
    await page.getByLabel("E-mail").fill("ada@acme.example");
    await page.getByLabel("Phone").fill("+1 206 555 0100");
    await page.getByRole("button", { name: "Share contact" }).click();
    await expect.poll(() => page.locator(".offerkit-consent .offerkit-field-error").textContent()).toContain("agree");
    expect(await page.getByRole("checkbox").getAttribute("aria-invalid")).toBe("true");
    expect(shares).toEqual([]);

    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Share contact" }).click();
    await expect.poll(() => page.locator(".offerkit-form-done").textContent()).toContain("shared with the seller");
    expect(shares).toEqual(["POST"]);
    await page.screenshot({ path: join(screenshots, "widget-contact-shared.png"), fullPage: true });

    const changes = await rpc(server.url, ADMIN_KEY)(
      "contacts.changes",
      "query",
      {},
      z.object({ changes: z.array(z.object({ operation: z.string(), subscriptionId: z.string(), contact: z.object({ surname: z.string() }).nullable() })) }),
    );
    expect(changes.changes).toEqual([{ operation: "CREATE", subscriptionId: scenario.subscriptionId, contact: expect.objectContaining({ surname: "Lovelace" }) }]);
  });

  it("is usable by keyboard with visible focus, and axe finds nothing on either page", async () => {
    const page = await openAfterBanner("/react.html", { buyerToken: scenario.targetedToken, subscriptionId: scenario.subscriptionId });
    await expect.poll(() => page.locator("[role=status] a").count()).toBe(1);
    const focused = async () => page.evaluate(() => ({ text: document.activeElement?.textContent ?? "", outline: document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : "" }));
    await page.keyboard.press("Tab");
    expect(await focused()).toMatchObject({ text: "View your offer" });
    await page.keyboard.press("Tab");
    const button = await focused();
    expect(button.text).toBe("View on AWS Marketplace");
    expect(button.outline).not.toBe("none");
    await page.screenshot({ path: join(screenshots, "widget-react-keyboard.png"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await Promise.all([page.waitForURL(`${site.marketplaceUrl}/pp/${ASIN}/ref=ads_example_react`), page.keyboard.press("Enter")]);

    const embed = await openAfterBanner("/embed.html", { buyerToken: scenario.targetedToken });
    await expect.poll(() => embed.locator("[role=status]").count()).toBe(1);
    expect(await axeViolations(embed)).toEqual([]);
  });
});
