import { mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { insertClicks, openDatabase } from "@offerkit/db";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { OFFER_ASIN, SUPPORT_ASIN, rpc, seedBuyerScenario, type BuyerScenario } from "@offerkit/test-server/seed";
import type { Browser, Page, ViewportSize } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { axeViolations } from "../src/axe";
import { launchChromium, visitorUserAgent } from "../src/chromium";
import { startExampleSite, type ExampleSite } from "../src/example-site";

const screenshots = join(dirname(fileURLToPath(import.meta.url)), "..", "screenshots");
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const TARGETED_ACCOUNT = "111122223333";
/** The marketplace's Product Support Connection columns, in its order. */
const CSV_COLUMNS =
  "Product Id,Product Code,Customer Guid,Subscription Guid,Subscription Start Date,Organization,AWS Customer Id,Given Name,Surname,Telephone Number,Email,Title,Country Code,ZIP Code,Operation Time,Operation Type";

/** A port free right now, for a server whose public URL must name it before it starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (typeof address !== "object" || address === null) throw new Error("No port");
  return address.port;
}

function utcDay(offsetDays = 0): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe("the console's Marketing and Support sections in Chromium, against a real server", () => {
  let site: ExampleSite;
  let server: ServerProcess;
  /** The server's public host, which tracked links use: not the console's own (127.0.0.1). */
  let publicUrl: string;
  let browser: Browser;
  let scenario: BuyerScenario;
  const pages: Page[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    site = await startExampleSite();
    const port = await freePort();
    publicUrl = `http://localhost:${port}`;
    server = await startServerProcess({ PORT: String(port), OFFERKIT_PUBLIC_URL: publicUrl, OFFERKIT_MARKETPLACE_URL: site.marketplaceUrl });
    expect(new URL(server.url).hostname).toBe("127.0.0.1");
    scenario = await seedBuyerScenario(server.url);
    const buyer = rpc(server.url, scenario.targetedToken);
    await buyer("buyer.offers.accept", "mutation", { offerId: scenario.offerId }, z.unknown());
    await buyer(
      "buyer.contacts.share",
      "mutation",
      {
        subscriptionId: scenario.subscriptionId,
        consent: true,
        contact: { givenName: "Grace", surname: "Hopper", organization: "Navy", email: "grace@navy.example", phone: "+1 202 555 0100" },
      },
      z.object({ id: z.string() }),
    );
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
    pageErrors.splice(0);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await site?.close();
  });

  /**
   * A console page signed in with the admin key, on one section. It uses a visitor's user agent
   * so that a link it opens counts as a person's click.
   */
  async function openConsole(section: "Marketing" | "Support", viewport: ViewportSize = DESKTOP): Promise<Page> {
    const page = await browser.newPage({ viewport, userAgent: visitorUserAgent(browser) });
    pages.push(page);
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/console/`);
    await page.getByLabel("API key").fill(ADMIN_KEY);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: section }).click();
    await page.getByRole("heading", { level: 1, name: section }).waitFor();
    return page;
  }

  async function chooseProduct(page: Page, asin: string): Promise<void> {
    const product = page.getByLabel("Product", { exact: true });
    await expect.poll(() => product.locator(`option[value="${asin}"]`).count()).toBe(1);
    await product.selectOption(asin);
  }

  /** A person following the tracked link: the redirect counts the click and lands on the marketplace. */
  async function visit(refTag: string): Promise<void> {
    const page = await browser.newPage({ userAgent: visitorUserAgent(browser) });
    pages.push(page);
    await page.goto(`${server.url}/pp/${OFFER_ASIN}/ref=${refTag}`);
    expect(page.url()).toBe(`${site.marketplaceUrl}/pp/${OFFER_ASIN}/ref=${refTag}`);
  }

  /** A click of yesterday, written to the server's SQLite file as its click writer would. */
  async function clickedYesterday(refTag: string): Promise<void> {
    const database = openDatabase({ dataDir: server.dataDir });
    try {
      const day = utcDay(-1);
      expect(await insertClicks(database.db, [{ asin: OFFER_ASIN, refTag, sessionKey: "yesterdays-visitor-0001", day, clickedAt: `${day}T12:00:00.000Z` }])).toBe(1);
    } finally {
      await database.close();
    }
  }

  async function clicksFor(refTag: string): Promise<number> {
    const stats = await rpc(server.url, ADMIN_KEY)("marketing.stats", "query", { from: utcDay(), to: utcDay(), refTag }, z.array(z.object({ clicks: z.number() })));
    return stats.reduce((sum, day) => sum + day.clicks, 0);
  }

  async function fitsTheScreen(page: Page): Promise<boolean> {
    return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  }

  it("builds a tracked link, shows a bad ref tag's error at its field, and counts a test visit in the chart and the table", async () => {
    const tag = "ads_console_test";
    const page = await openConsole("Marketing");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    await expect.poll(() => page.locator(".empty").textContent()).toContain(`No clicks from ${utcDay(-13)} to ${utcDay()}`);

    await chooseProduct(page, OFFER_ASIN);
    expect(await page.locator("#link-asin-hint").textContent()).toBe(`ASIN ${OFFER_ASIN}`);
    const refTag = page.getByLabel("Ref tag", { exact: true });
    await refTag.fill("bad tag!");
    await page.getByRole("button", { name: "Build link" }).click();
    const tagError = page.locator("#link-ref-tag-error");
    await expect.poll(() => tagError.textContent()).toBe("A ref tag uses letters, digits and _ only, e.g. ads_google_q3");
    expect(await refTag.getAttribute("aria-invalid")).toBe("true");
    expect(await refTag.getAttribute("aria-describedby")).toBe("link-ref-tag-hint link-ref-tag-error");
    expect(await page.locator("#tracked-link").count()).toBe(0);

    await refTag.fill(tag);
    await page.getByRole("button", { name: "Build link" }).click();
    // On the server's public host, not the console's origin the page was opened on.
    const tracked = `${publicUrl}/pp/${OFFER_ASIN}/ref=${tag}`;
    await expect.poll(() => page.getByLabel(/^Tracked link/).inputValue()).toBe(tracked);
    expect(await page.getByLabel(/^Marketplace link/).inputValue()).toBe(`${site.marketplaceUrl}/pp/${OFFER_ASIN}/ref=${tag}`);
    expect(await tagError.count()).toBe(0);
    await page.getByRole("button", { name: "Copy tracked link" }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(tracked);

    const testLink = page.getByRole("link", { name: /Test the link/ });
    expect(await testLink.getAttribute("href")).toBe(tracked);
    const [testVisit] = await Promise.all([page.waitForEvent("popup"), testLink.click()]);
    await testVisit.waitForURL(`${site.marketplaceUrl}/pp/${OFFER_ASIN}/ref=${tag}`);
    // A tab in the background gets no animation frames, which Playwright waits for before a click.
    await testVisit.close();
    await page.bringToFront();

    // Clicks are written in batches a few milliseconds apart: ask again until it shows.
    const row = page.locator(".stats-table tbody tr", { hasText: tag });
    await expect
      .poll(
        async () => {
          await page.getByRole("button", { name: "Show" }).click();
          return row.locator("td").allTextContents();
        },
        { timeout: 5000 },
      )
      .toEqual([utcDay(), tag, OFFER_ASIN, "1", "0"]);
    expect(await page.getByRole("img", { name: /1 clicks and 0 conversions in all/ }).count()).toBe(1);
    expect(await page.locator(".chart-clicks title", { hasText: `${utcDay()}: 1 clicks` }).count()).toBe(1);

    // Per tag and product at a glance: rate, revenue, the change against the 14 days before;
    // its totals are the chart's.
    await expect
      .poll(() => page.locator(".summary-table tbody tr", { hasText: tag }).locator("td").allTextContents())
      .toEqual([tag, OFFER_ASIN, "1", "0", "0.0%", "$0.00", "new"]);
    const chartLabel = (await page.locator(".chart svg > title").textContent()) ?? "";
    const [, chartClicks, chartConversions] = /(\d+) clicks and (\d+) conversions in all/.exec(chartLabel) ?? [];
    expect((await page.locator(".summary-table tfoot td").allTextContents()).slice(0, 2)).toEqual([chartClicks, chartConversions]);
    expect(await page.locator(".summary-card", { hasText: "Clicks" }).first().locator(".summary-value").textContent()).toBe(chartClicks);
    expect(await page.locator(".summary-card", { hasText: "Estimated revenue" }).locator(".summary-change").textContent()).toContain(`vs ${utcDay(-27)} to ${utcDay(-14)}`);
    // A quick range sets the picker and compares with the 30 days before it.
    await page.getByRole("group", { name: "Quick ranges" }).getByRole("button", { name: "Last 30 days" }).click();
    expect(await page.getByLabel("From (UTC)").inputValue()).toBe(utcDay(-29));
    await expect
      .poll(() => page.locator(".summary-card", { hasText: "Clicks" }).first().locator(".summary-change").textContent())
      .toContain(`vs ${utcDay(-59)} to ${utcDay(-30)}`);
    await page.getByLabel("From (UTC)").fill(utcDay(-13));
    await page.getByRole("button", { name: "Show" }).click();

    await page.getByLabel("Filter by ref tag").selectOption(tag);
    expect(await page.getByRole("table", { name: `Days with activity from ${utcDay(-13)} to ${utcDay()}, ref tag ${tag}` }).count()).toBe(1);
    expect(await page.locator(".stats-table tfoot td").allTextContents()).toEqual(["1", "0"]);

    await page.getByLabel("From (UTC)").fill(utcDay(1));
    await page.getByRole("button", { name: "Show" }).click();
    await expect.poll(() => page.locator("#stats-to-error").textContent()).toBe("`from` must not be after `to`");
    expect(await page.getByLabel("To (UTC)").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("From (UTC)").fill(utcDay(-13));
    await page.getByRole("button", { name: "Show" }).click();
    await page.locator(".stats-table").waitFor();
    expect(await page.locator("#stats-to-error").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "console-marketing-link-and-stats.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it("says plainly when a period has no report or its report is not made yet, and downloads one under the server's file name", async () => {
    const tag = "ads_report_test";
    const page = await openConsole("Marketing");
    const reports = page.getByRole("region", { name: "Ref-tag reports" });
    await expect
      .poll(() => reports.locator(".no-report").allTextContents())
      .toEqual([`No clicks or conversions on ${utcDay(-1)}: no report.`, `No online-ad or partner clicks from ${utcDay(-7)} to ${utcDay(-1)}: no report.`]);
    expect(await reports.getByRole("alert").count()).toBe(0);

    // A report is made the day after its clicks: yesterday's click goes straight into the server's database.
    await reports.getByLabel("Report date (UTC)").fill(utcDay(1));
    await reports.getByRole("button", { name: "Check reports" }).click();
    await expect.poll(() => reports.locator(".no-report").first().textContent()).toBe(`The report of ${utcDay(1)} is made on that day (UTC); today is ${utcDay()}.`);
    await clickedYesterday(tag);
    await reports.getByLabel("Report date (UTC)").fill(utcDay());
    await reports.getByRole("button", { name: "Check reports" }).click();
    const download = reports.getByRole("button", { name: `Download reftag_daily_breakdown_report_${utcDay()}.csv` });
    await download.waitFor();
    const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
    expect(file.suggestedFilename()).toBe(`reftag_daily_breakdown_report_${utcDay()}.csv`);
    const csv = readFileSync(await file.path(), "utf8");
    expect(csv.split(/\r?\n/)[0]).toBe("Date,Ref Tag,ASIN,Product,Clicks,Conversions,Estimated Usage,Estimated Revenue (USD)");
    expect(csv).toContain(`${tag},${OFFER_ASIN},`);
    expect(await reports.getByRole("button", { name: `Download weekly_reftag_report_${utcDay()}.csv` }).count()).toBe(1);
    await page.screenshot({ path: join(screenshots, "console-marketing-reports.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it("looks up an account's subscriptions, shows a malformed account ID's error at its field, and says when an account has none", async () => {
    const page = await openConsole("Support");
    const account = page.getByLabel("Account ID");
    const lookUp = page.getByRole("button", { name: "Look up" });
    await account.fill("12345");
    await lookUp.click();
    await expect.poll(() => page.locator("#lookup-account-error").textContent()).toBe("An account ID is exactly 12 digits, e.g. 123456789012");
    expect(await account.getAttribute("aria-invalid")).toBe("true");

    await account.fill("999988887777");
    await lookUp.click();
    await expect.poll(() => page.locator(".empty").textContent()).toContain("Account 999988887777 has no subscription to your products");
    expect(await page.locator("#lookup-account-error").count()).toBe(0);

    await account.fill(TARGETED_ACCOUNT);
    await lookUp.click();
    const cards = page.locator(".subscription-card");
    await expect.poll(() => cards.count()).toBe(2);
    const fromOffer = await cards.filter({ hasText: OFFER_ASIN }).textContent();
    expect(fromOffer).toContain("SaaS contract");
    expect(fromOffer).toContain("active");
    expect(fromOffer).toContain(`Private offer ${scenario.offerId}`);
    expect(fromOffer).toContain(`Started${utcDay()}`);
    const publicOne = await cards.filter({ hasText: SUPPORT_ASIN }).textContent();
    expect(publicOne).toContain("Public offer");
    expect(publicOne).toContain("No usage recorded in the last 30 days.");
    expect(await page.getByRole("link", { name: scenario.offerId }).getAttribute("href")).toBe(`/console/offers/${scenario.offerId}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "console-support-lookup.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it("lists the shared support contact and downloads the contacts as the marketplace's CSV", async () => {
    const page = await openConsole("Support");
    const contacts = page.getByRole("region", { name: "Product Support Connection contacts" });
    const row = contacts.locator("tbody tr", { hasText: "Grace Hopper" });
    await expect.poll(() => row.count()).toBe(1);
    const text = await row.textContent();
    for (const part of ["CREATE", TARGETED_ACCOUNT, "Navy", "grace@navy.example", "+1 202 555 0100"]) expect(text).toContain(part);

    const [file] = await Promise.all([page.waitForEvent("download"), contacts.getByRole("button", { name: "Download CSV" }).click()]);
    expect(file.suggestedFilename()).toBe("support_contacts.csv");
    const [header, ...rows] = readFileSync(await file.path(), "utf8").trim().split(/\r?\n/);
    expect(header).toBe(CSV_COLUMNS);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(`${TARGETED_ACCOUNT},Grace,Hopper,+1 202 555 0100,grace@navy.example`);
    await expect.poll(() => contacts.getByRole("status").textContent()).toBe("Saved support_contacts.csv.");
    await page.screenshot({ path: join(screenshots, "console-support-contacts.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it("shows each part of Support only to a key with its scope, and Marketing only with marketing:read", async () => {
    const issued = await rpc(server.url, ADMIN_KEY)("admin.apiKeys.create", "mutation", { name: "CRM sync", scopes: ["contacts:read"] }, z.object({ secret: z.string() }));
    const page = await browser.newPage({ viewport: DESKTOP });
    pages.push(page);
    await page.goto(`${server.url}/console/`);
    await page.getByLabel("API key").fill(issued.secret);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Support" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Sections" }).getByRole("link").allTextContents()).toEqual(["Support"]);
    await expect.poll(() => page.locator(".contacts-table tbody tr").count()).toBe(1);
    expect(await page.getByRole("heading", { name: "Customer eligibility" }).count()).toBe(0);
    expect(await page.getByLabel("Account ID").count()).toBe(0);
    await page.screenshot({ path: join(screenshots, "console-support-contacts-scope-only.png"), fullPage: true });
  });

  it("fits a 390 px wide screen, builds a link by keyboard, and axe finds nothing there", async () => {
    await visit("ads_phone_test");
    await expect.poll(() => clicksFor("ads_phone_test"), { timeout: 5000 }).toBe(1);
    const page = await openConsole("Marketing", PHONE);
    await chooseProduct(page, OFFER_ASIN);
    await page.getByLabel("Ref tag", { exact: true }).focus();
    await page.keyboard.type("vdr_rf");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByLabel(/^Tracked link/).inputValue()).toBe(`${publicUrl}/pp/${OFFER_ASIN}/ref=vdr_rf`);
    await page.locator(".stats-table").waitFor();
    expect(await page.locator(".chart svg").evaluate((svg) => svg.getBoundingClientRect().right)).toBeLessThanOrEqual(PHONE.width);
    expect(await fitsTheScreen(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "console-marketing-390.png"), fullPage: true });

    await page.getByRole("link", { name: "Support" }).click();
    await page.getByLabel("Account ID").fill(TARGETED_ACCOUNT);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".subscription-card").count()).toBe(2);
    await page.locator(".contacts-table").waitFor();
    expect(await fitsTheScreen(page)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshots, "console-support-390.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
