import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { OFFER_ASIN, rpc, seedBuyerScenario } from "@offerkit/test-server/seed";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { axeViolations } from "../src/axe";
import { launchChromium, visitorUserAgent } from "../src/chromium";
import { DESKTOP, PHONE, openConsoleAs, overflowsSideways, screenshot } from "../src/console-session";

const TARGETED = "111122223333";
const MANY_ACCOUNTS = ["210987654321", "123412341234", "999988887777", "100020003000", "555566667777", "808080808080", "314159265358"];

interface ConsolePage {
  name: string;
  path: string;
  /** What shows once the page has loaded its data. */
  ready: (page: Page) => Promise<unknown>;
}

/**
 * Every page of the console on a 390 px phone: nothing scrolls sideways, tables are cards, account
 * IDs stay whole, long hashes are shortened with a copy button. Each page is also shot at 1440x900.
 */
describe("the console on a phone: every page fits 390 px", () => {
  let server: ServerProcess;
  let browser: Browser;
  let consolePages: ConsolePage[];

  beforeAll(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
    const scenario = await seedBuyerScenario(server.url, { targeted: TARGETED, other: "444455556666" });
    await rpc(server.url, scenario.targetedToken)("buyer.offers.accept", "mutation", { offerId: scenario.offerId }, z.object({ id: z.string() }));
    const admin = rpc(server.url, ADMIN_KEY);
    const products = await admin("products.list", "query", { limit: 100 }, z.object({ items: z.array(z.object({ id: z.string(), asin: z.string() })) }));
    const productId = products.items.find((product) => product.asin === OFFER_ASIN)?.id ?? "";
    const draft = await admin(
      "offers.create",
      "mutation",
      { productId, name: "Northwind Traders, three years, with a volume discount for every region", buyerAccounts: MANY_ACCOUNTS, pricing: { model: "saas_contract", contract: { seats: "30000", storage_tb: "45.5" } } },
      z.object({ id: z.string() }),
    );
    // A webhook endpoint with a long URL, so that the webhooks pages have a row and an endpoint's page.
    const webhook = await admin(
      "webhooks.create",
      "mutation",
      { url: "https://hooks.northwind-traders.example.com/integrations/offerkit/marketplace-events/production?region=eu-central-1", description: "Northwind CRM, production", eventTypes: ["offer.sent", "offer.accepted", "agreement.created", "agreement.ended"] },
      z.object({ endpoint: z.object({ id: z.string() }) }),
    );
    // A click, so that the marketing page has its chart and tables.
    const click = await fetch(`${server.url}/pp/${OFFER_ASIN}/ref=phone_check`, { redirect: "manual", headers: { "user-agent": visitorUserAgent(browser) } });
    expect(click.status).toBe(302);

    const heading = (name: string) => (page: Page) => page.getByRole("heading", { level: 1, name }).waitFor();
    consolePages = [
      { name: "offers", path: "/offers", ready: (page) => page.locator("table.stack-narrow tbody tr").first().waitFor() },
      { name: "offer-new", path: "/offers/new", ready: (page) => page.getByLabel("Product").waitFor() },
      { name: "offer-draft", path: `/offers/${draft.id}`, ready: (page) => page.getByRole("heading", { name: "Before it can be sent" }).waitFor() },
      { name: "offer-draft-edit", path: `/offers/${draft.id}/edit`, ready: heading("Edit draft") },
      { name: "offer-sent", path: `/offers/${scenario.offerId}`, ready: (page) => page.locator(".acceptance-summary").waitFor() },
      { name: "products", path: "/products", ready: (page) => page.locator("table.stack-narrow tbody tr").first().waitFor() },
      { name: "product-new", path: "/products/new", ready: heading("New product") },
      { name: "product-edit", path: `/products/${productId}`, ready: (page) => page.getByRole("button", { name: "Save changes" }).waitFor() },
      {
        name: "marketing",
        path: "/marketing",
        ready: async (page) => {
          await page.locator(".stats-table tbody tr").first().waitFor();
          await page.locator(".summary-table tbody tr").first().waitFor();
        },
      },
      {
        name: "support",
        path: "/support",
        ready: async (page) => {
          await page.getByLabel("Account ID").fill(TARGETED);
          await page.keyboard.press("Enter");
          await page.locator(".subscription-card").first().waitFor();
        },
      },
      { name: "settings", path: "/settings", ready: (page) => page.locator(".keys-table tbody tr").first().waitFor() },
      { name: "webhook-list", path: "/webhooks", ready: (page) => page.locator(".webhooks-table tbody tr").first().waitFor() },
      { name: "webhook-new", path: "/webhooks/new", ready: heading("Add a webhook endpoint") },
      { name: "webhook-detail", path: `/webhooks/${webhook.endpoint.id}`, ready: (page) => page.getByRole("heading", { name: "Delivery log" }).waitFor() },
    ];
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function visit(page: Page, consolePage: ConsolePage) {
    await page.goto(`${server.url}/console${consolePage.path}`);
    await consolePage.ready(page);
  }

  it("never scrolls sideways at 390 px, on any page; each is shot at 390 and 1440", { timeout: 180_000 }, async () => {
    // The sign-in page first, before any key.
    for (const viewport of [PHONE, DESKTOP]) {
      const signIn = await browser.newPage({ viewport });
      await signIn.goto(`${server.url}/console/`);
      await signIn.getByLabel("API key").waitFor();
      expect(await overflowsSideways(signIn)).toBeNull();
      await screenshot(signIn, "sign-in");
      await signIn.close();
    }
    const phone = await openConsoleAs(browser, server.url, ADMIN_KEY, PHONE);
    const desktop = await openConsoleAs(browser, server.url, ADMIN_KEY, DESKTOP);
    try {
      const overflowing: string[] = [];
      for (const consolePage of consolePages) {
        await visit(phone.page, consolePage);
        const overflow = await overflowsSideways(phone.page);
        if (overflow) overflowing.push(`${consolePage.path}: ${overflow.scrollWidth} px in ${overflow.clientWidth}`);
        // Cards fit their box too: a table scrolling sideways inside the page would hide their right edge.
        const wide = await phone.page.locator(".table-wrap").evaluateAll((wraps) => wraps.filter((wrap) => wrap.scrollWidth > wrap.clientWidth).map((wrap) => `${wrap.scrollWidth} px in ${wrap.clientWidth}`));
        if (wide.length > 0) overflowing.push(`${consolePage.path}, a table: ${wide.join(", ")}`);
        await screenshot(phone.page, consolePage.name);
        await visit(desktop.page, consolePage);
        await screenshot(desktop.page, consolePage.name);
      }
      expect(overflowing).toEqual([]);
      expect(phone.errors).toEqual([]);
      expect(desktop.errors).toEqual([]);
    } finally {
      await phone.page.close();
      await desktop.page.close();
    }
  });

  it("turns the tables into cards on a phone and keeps them tables on a laptop", { timeout: 60_000 }, async () => {
    const phone = await openConsoleAs(browser, server.url, ADMIN_KEY, PHONE);
    const desktop = await openConsoleAs(browser, server.url, ADMIN_KEY, DESKTOP);
    const display = (page: Page, selector: string) => page.locator(selector).first().evaluate((row) => getComputedStyle(row).display);
    try {
      for (const [name, selector] of [
        ["offers", "table.stack-narrow tbody tr"],
        ["offer-sent", ".buyers-table tbody tr"],
        ["marketing", ".stats-table tbody tr"],
        ["settings", ".keys-table tbody tr"],
      ] as const) {
        const consolePage = consolePages.find((candidate) => candidate.name === name);
        if (!consolePage) throw new Error(`No page ${name}`);
        await visit(phone.page, consolePage);
        await visit(desktop.page, consolePage);
        expect([name, await display(phone.page, selector)]).toEqual([name, "block"]);
        expect([name, await display(desktop.page, selector)]).toEqual([name, "table-row"]);
      }
    } finally {
      await phone.page.close();
      await desktop.page.close();
    }
  });

  it("never breaks an account ID inside its digits, and shortens hashes with a copy button", { timeout: 60_000 }, async () => {
    const { page, errors } = await openConsoleAs(browser, server.url, ADMIN_KEY, PHONE);
    try {
      for (const name of ["offers", "offer-draft", "offer-sent"]) {
        const consolePage = consolePages.find((candidate) => candidate.name === name);
        if (!consolePage) throw new Error(`No page ${name}`);
        await visit(page, consolePage);
        // An ID on one line is one line high: a wrapped one would be two.
        const heights = await page.locator(".account-id").evaluateAll((ids) =>
          ids.map((id) => ({ id: id.textContent, lines: Math.round(id.getBoundingClientRect().height / parseFloat(getComputedStyle(id).lineHeight)) })),
        );
        expect(heights.length).toBeGreaterThan(0);
        expect(heights.filter((entry) => entry.lines !== 1)).toEqual([]);
      }

      // On the sent offer: the SHA-256s shortened, whole in their copy buttons' text and tooltips.
      const hashes = page.locator(".short-id .mono");
      const titles = await hashes.evaluateAll((elements) => elements.map((element) => ({ shown: element.textContent ?? "", whole: element.getAttribute("title") ?? "" })));
      const sha256s = titles.filter((entry) => /^[0-9a-f]{64}$/.test(entry.whole));
      expect(sha256s).toHaveLength(2);
      for (const entry of sha256s) expect(entry.shown.length).toBeLessThan(24);
      expect(await page.getByRole("button", { name: "Copy EULA SHA-256" }).count()).toBe(1);
      expect(await page.getByRole("button", { name: "Copy terms SHA-256" }).count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("leaves nothing for axe on the new screens, on a phone", { timeout: 60_000 }, async () => {
    const { page, errors } = await openConsoleAs(browser, server.url, ADMIN_KEY, PHONE);
    try {
      for (const name of ["products", "product-new", "settings"]) {
        const consolePage = consolePages.find((candidate) => candidate.name === name);
        if (!consolePage) throw new Error(`No page ${name}`);
        await visit(page, consolePage);
        expect([name, await axeViolations(page)]).toEqual([name, []]);
      }
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
