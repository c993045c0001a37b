import { makePdf } from "@offerkit/eula/testing";
import { startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { rpc } from "@offerkit/test-server/seed";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { launchChromium } from "../src/chromium";
import { DESKTOP, PHONE, dropPdf, firstAdminKey, openConsoleAs, overflowsSideways, screenshot } from "../src/console-session";

const BUYER = "123456789012";
const SECOND_BUYER = "210987654321";
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A brand-new seller on an empty server, in the console alone: the key the server prints on its
 * first start, a product, data sharing, a rep's key with chosen scopes, a buyer token, and an
 * offer sent by the rep. Only the buyer's acceptance goes through the API (the buyer is not in
 * the console).
 */
describe("a new seller, from an empty server to a sent offer, in the console alone", () => {
  let server: ServerProcess;
  let browser: Browser;
  const pages: Page[] = [];

  beforeAll(async () => {
    // No bootstrap key: no demo seller, no products; the server makes seller "default" and prints its key.
    server = await startServerProcess({ OFFERKIT_BOOTSTRAP_KEY: "" });
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(apiKey: string, viewport = DESKTOP) {
    const opened = await openConsoleAs(browser, server.url, apiKey, viewport);
    pages.push(opened.page);
    return opened;
  }

  it("adds a product, enrolls in data sharing, gives a rep a key, and the rep sends an offer a buyer accepts", { timeout: 120_000 }, async () => {
    const adminKey = await firstAdminKey(server.output);
    const { page, errors } = await open(adminKey);

    // The dead end a new seller met now leads to adding a product.
    await page.getByRole("heading", { name: "Offers" }).waitFor();
    await page.getByRole("link", { name: "New offer" }).click();
    await page.getByText("There is no product to make an offer for yet.").waitFor();
    await screenshot(page, "new-seller-no-product");
    await page.getByRole("link", { name: "Add a product" }).click();
    await page.getByRole("heading", { name: "New product" }).waitFor();

    await page.getByLabel("Title").fill("Acme Analytics");
    await page.getByLabel("Description").fill("Dashboards for the whole sales team.");
    await page.getByLabel("Highlights").fill("Live dashboards\nSSO");
    await page.getByLabel("ASIN").fill("b0acme");
    await page.getByLabel("Marketplace product ID").fill("11111111-2222-4333-8444-555555555555");
    await page.getByLabel("Product code").fill("acmeanalytics01");
    expect(await page.getByLabel("Pricing model").inputValue()).toBe("saas_contract");
    await page.getByLabel("Key 1").fill("seats");
    await page.getByLabel("Name 1").fill("User seats");
    await page.getByRole("button", { name: "Add a row" }).click();
    await page.getByLabel("Key 2").fill("storage_tb");
    await page.getByLabel("Name 2").fill("Storage (TB)");
    await page.getByRole("button", { name: "Add product" }).click();

    // The server's rule, at its field, with focus there.
    const asin = page.getByLabel("ASIN");
    await expect.poll(() => asin.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#product-asin-error").textContent()).toBe("An ASIN is 10 upper-case letters or digits, e.g. B00635Y2IW");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("product-asin");
    await screenshot(page, "product-field-error");
    await asin.fill("B0ACME0001");
    await page.getByRole("button", { name: "Add product" }).click();

    // Back to the offer, which says what still stands in the way: data sharing.
    await page.getByRole("heading", { name: "Enroll in data sharing first" }).waitFor();
    await page.getByRole("link", { name: "Enroll in Settings" }).click();
    await page.getByRole("heading", { name: "Settings" }).waitFor();
    await page.getByRole("button", { name: "Enroll in data sharing" }).click();
    await page.getByRole("button", { name: "Leave the data-sharing program" }).waitFor();
    expect(await page.locator("#data-sharing-heading + p").textContent()).toContain("is enrolled: offers can be drafted and sent");

    // A key for the rep with the scopes chosen, shown once with a copy button.
    await page.getByRole("button", { name: "Create key" }).click();
    expect(await page.locator("#key-name-error").textContent()).toBe("Give the key a name that says what it is for");
    expect(await page.locator("#scopes-error").textContent()).toBe("Choose at least one scope");
    await page.getByLabel("Name", { exact: true }).fill("Sales rep");
    for (const scope of ["offers:read", "offers:write", "products:read"]) await page.getByRole("checkbox", { name: new RegExp(`^${scope} `) }).check();
    await page.getByRole("button", { name: "Create key" }).click();
    const repSecret = page.getByLabel('API key "Sales rep", secret');
    await repSecret.waitFor();
    const repKey = await repSecret.inputValue();
    expect(repKey).toMatch(/^oks/);
    await page.getByRole("button", { name: "Copy secret" }).waitFor();
    const keysTable = page.locator(".keys-table");
    await expect.poll(() => keysTable.textContent()).toContain("Sales rep");
    expect(await keysTable.locator("tr", { hasText: "Sales rep" }).textContent()).toContain("offers:readoffers:writeproducts:read");
    await screenshot(page, "settings-key-issued");
    await page.getByRole("button", { name: "I have stored it" }).click();

    // A buyer token for the account the offer is for, typed as people copy it.
    await page.getByLabel("Buyer account ID").fill("1234-5678-901");
    await page.getByRole("button", { name: "Issue buyer token" }).click();
    // Core's own rule and words, before anything is sent.
    expect(await page.locator("#token-account-error").textContent()).toBe("An account ID is exactly 12 digits, e.g. 123456789012");
    await page.getByLabel("Buyer account ID").fill("1234-5678-9012");
    await page.getByRole("button", { name: "Issue buyer token" }).click();
    const tokenField = page.getByLabel(`Buyer token for account ${BUYER}, secret`);
    await tokenField.waitFor();
    const buyerToken = await tokenField.inputValue();
    expect(errors).toEqual([]);

    // The rep signs in with the new key: no Settings for it, and it says so when asked.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByLabel("API key").fill(repKey);
    await page.getByRole("button", { name: "Sign in" }).click();
    const nav = page.getByRole("navigation", { name: "Sections" });
    await nav.getByRole("link", { name: "Offers" }).waitFor();
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Offers", "Products"]);
    await page.goto(`${server.url}/console/settings`);
    await page.getByRole("heading", { name: "Not with this API key" }).waitFor();
    expect(await page.locator(".no-access p").textContent()).toContain("needs the admin scope");
    await page.goto(`${server.url}/console/products`);
    await page.getByRole("cell", { name: "Acme Analytics" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("This API key can see products but not add or edit them");

    // The rep's offer, through the form.
    await nav.getByRole("link", { name: "Offers" }).click();
    await page.getByRole("link", { name: "New offer" }).click();
    await page.getByLabel("Product").selectOption({ label: "Acme Analytics (B0ACME0001, saas contract)" });
    await page.getByLabel("Offer name").fill("Acme, first year");
    await page.getByLabel("Internal description").fill("Approved by the head of sales");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel("Buyer account IDs").fill(`${BUYER}\n${SECOND_BUYER}`);
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel("User seats (seats)").fill("1200");
    await page.getByLabel("Storage (TB) (storage_tb)").fill("30000");
    await page.getByRole("button", { name: "Next" }).click();
    await dropPdf(page, await makePdf(2, { text: "Acme EULA" }), "acme-eula.pdf");
    await page.getByRole("definition").filter({ hasText: /^2$/ }).waitFor();
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel("Months", { exact: true }).fill("12");
    await page.getByLabel("Acceptance deadline").fill(inDays(30));
    await page.getByLabel("Refund policy").fill("Write to refunds@acme.example within 30 days.");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Create draft" }).click();

    await page.getByText("Ready to send").waitFor();
    await page.getByRole("button", { name: "Send offer" }).click();
    await page.getByRole("dialog", { name: "Send this offer?" }).getByRole("button", { name: "Send, it is final" }).click();
    await page.getByLabel("Buyer URL: send it to the buyer").waitFor();
    const offerId = /\/offers\/(offer-[A-Za-z0-9_-]+)$/.exec(page.url())?.[1] ?? "";
    expect(offerId).not.toBe("");

    // After send, the truth: nothing was published to a marketplace, and who accepted.
    const publication = page.locator(".publication");
    expect(await publication.locator(".publication-title strong").textContent()).toBe("Recorded locally, not published to a marketplace");
    expect(await page.locator("main").textContent()).not.toContain("Marketplace: published");
    expect(await page.locator(".acceptance-summary").textContent()).toBe("No account has accepted yet.");
    expect(await page.getByRole("definition").filter({ hasText: "per unit for the term" }).textContent()).toBe(
      "User seats (seats): $1,200.00 per unit for the termStorage (TB) (storage_tb): $30,000.00 per unit for the term",
    );

    await rpc(server.url, buyerToken)("buyer.offers.accept", "mutation", { offerId }, z.object({ id: z.string() }));
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect.poll(() => page.locator(".acceptance-summary").textContent()).toBe("1 of 2 accounts accepted; the others still can.");
    const row = page.locator(".buyers-table tbody tr", { hasText: BUYER });
    expect(await row.locator(".account-id").textContent()).toBe(BUYER);
    expect(await row.locator(".pill").textContent()).toBe("Accepted");
    expect(await row.locator("td[data-label='When']").textContent()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    expect(await row.getByRole("button", { name: `Copy agreement ID of ${BUYER}` }).count()).toBe(1);
    const waiting = page.locator(".buyers-table tbody tr", { hasText: SECOND_BUYER });
    expect(await waiting.locator(".pill").textContent()).toBe("Not yet");
    // The other account gets a one-time link to mail; the rep's key may make one (offers:write).
    await waiting.getByRole("button", { name: `Make an invitation link for account ${SECOND_BUYER}` }).click();
    expect(await page.getByLabel(`Invitation link for ${SECOND_BUYER}: mail it to the buyer`).inputValue()).toMatch(/^http:\/\/.+/);
    await screenshot(page, "new-seller-offer-accepted");
    expect(errors).toEqual([]);
    await page.getByRole("link", { name: "All offers" }).click();
    expect(await page.locator("tr", { hasText: "Acme, first year" }).locator(".acceptance-count").textContent()).toBe("1 of 2 accounts accepted");

    // The same offer on a phone: cards, nothing wider than the screen.
    const phone = await open(repKey, PHONE);
    await phone.page.goto(`${server.url}/console/offers/${offerId}`);
    await phone.page.locator(".acceptance-summary").waitFor();
    expect(await overflowsSideways(phone.page)).toBeNull();
    expect(await phone.page.locator(".buyers").locator(".table-wrap").evaluate((wrap) => wrap.scrollWidth <= wrap.clientWidth)).toBe(true);
    expect(await phone.page.locator(".buyers-table tbody tr").first().evaluate((element) => getComputedStyle(element).display)).toBe("block");
    await screenshot(phone.page, "new-seller-offer-accepted");
  });
});
