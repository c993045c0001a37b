import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { seedBuyerScenario, type BuyerScenario } from "@offerkit/test-server/seed";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../src/axe";
import { launchChromium } from "../src/chromium";

const screenshots = join(dirname(fileURLToPath(import.meta.url)), "..", "screenshots");
const TARGETED = "111122223333";
const OTHER = "444455556666";

describe("the buyer's side in Chromium: a rep invites, the buyer reads and accepts", () => {
  let server: ServerProcess;
  let browser: Browser;
  let scenario: BuyerScenario;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    server = await startServerProcess();
    browser = await launchChromium();
    scenario = await seedBuyerScenario(server.url, { targeted: TARGETED, other: OTHER });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function consoleOffer(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.setDefaultTimeout(8000);
    await page.goto(`${server.url}/console/`);
    await page.getByLabel("API key").fill(ADMIN_KEY);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Offers" }).waitFor();
    await page.goto(`${server.url}/console/offers/${scenario.offerId}`);
    await page.getByRole("heading", { name: "Buyer accounts" }).waitFor();
    return page;
  }

  it("takes the buyer from the mailed link to an accepted offer the rep sees", async () => {
    const rep = await consoleOffer();
    await rep.getByRole("button", { name: `Make an invitation link for account ${TARGETED}` }).click();
    const link = await rep.getByLabel(`Invitation link for ${TARGETED}: mail it to the buyer`).inputValue();
    expect(link).toMatch(new RegExp(`^${server.url.replace("127.0.0.1", "localhost")}/i/obi_\\w+$`));
    await rep.screenshot({ path: join(screenshots, "console-invitation.png"), fullPage: true });

    // A fresh browser, as the buyer's own would be: nothing shared with the rep's.
    const buyerContext = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    const buyer = await buyerContext.newPage();
    buyer.setDefaultTimeout(8000);
    const errors: string[] = [];
    buyer.on("pageerror", (error) => errors.push(error.message));
    const buyerLink = link.replace("localhost", "127.0.0.1");
    await buyer.goto(buyerLink);
    await buyer.getByRole("heading", { name: "Widget test offer" }).waitFor();
    expect(buyer.url()).toBe(`${server.url}/offers/${scenario.offerId}`);
    const text = await buyer.locator("main").textContent();
    for (const expected of ["45.50 USD per unit for the whole term", "120.00 USD per unit for the whole term", "12 months from the day you accept", "Write to refunds@acme.example"]) {
      expect(text).toContain(expected);
    }
    // The deadline in the browser's own time zone, from the page's script.
    expect(await buyer.locator("time[data-local]").textContent()).toMatch(/your time \(.+\)$/);
    expect(await axeViolations(buyer)).toEqual([]);
    expect(await buyer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await buyer.screenshot({ path: join(screenshots, "buyer-offer-390.png"), fullPage: true });

    const download = buyer.waitForEvent("download");
    await buyer.getByRole("link", { name: "Download it" }).click();
    // The buyer's own copy: every page names the offer and the account (read as poppler reads it).
    const file = await (await download).path();
    const pages = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\f").filter((page) => page.trim() !== "");
    expect(pages).toHaveLength(2);
    for (const page of pages) expect(page).toContain(`Offer ${scenario.offerId} · for AWS account ${TARGETED} · sent`);

    await buyer.getByRole("button", { name: "Accept the offer" }).click();
    // The confirmation is required: the browser refuses the form without it.
    expect(await buyer.getByRole("heading", { name: "You accepted this offer" }).count()).toBe(0);
    await buyer.getByLabel(`I accept this offer for account ${TARGETED}`).check();
    await buyer.getByRole("button", { name: "Accept the offer" }).click();
    await buyer.getByRole("heading", { name: "You accepted this offer" }).waitFor();
    expect(await axeViolations(buyer)).toEqual([]);
    await buyer.screenshot({ path: join(screenshots, "buyer-accepted-390.png"), fullPage: true });
    expect(errors).toEqual([]);

    await rep.getByRole("button", { name: "Refresh" }).click();
    // The account's row: accepted, when, and its agreement (shortened, with a copy button).
    await expect.poll(() => rep.getByRole("row", { name: new RegExp(TARGETED) }).textContent()).toMatch(/Accepted.*UTC.*agmt-/);
    await rep.screenshot({ path: join(screenshots, "console-accepted-account.png"), fullPage: true });

    // The same link again, in another fresh browser: it worked once.
    const again = await browser.newPage();
    await again.goto(buyerLink);
    expect(await again.getByRole("heading").first().textContent()).toBe("This link no longer works");
    await buyerContext.close();
    await rep.close();
    await again.close();
  });

  it("tells a buyer signed in as another account that the offer is not theirs", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.url}/offers/${scenario.offerId}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Buyer token").fill(scenario.otherToken);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "This offer is not for your account" }).waitFor();
    expect(await page.locator("main").textContent()).not.toContain("45.50");
    await page.screenshot({ path: join(screenshots, "buyer-not-yours-1440.png"), fullPage: true });
    await page.close();
  });
});
