import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { makePdf } from "@offerkit/eula/testing";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { rpc } from "@offerkit/test-server/seed";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { axeViolations } from "../src/axe";
import { launchChromium } from "../src/chromium";

const screenshots = join(dirname(fileURLToPath(import.meta.url)), "..", "screenshots");
const BUYER = "012345678901";
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("the console in Chromium: offers, against the real server", () => {
  let server: ServerProcess;
  let browser: Browser;
  let pdf: Uint8Array;
  const pages: Page[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    server = await startServerProcess();
    browser = await launchChromium();
    pdf = await makePdf(3, { text: "Acme EULA for the console" });
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    // A step that cannot happen fails with its locator's name, well before the test's own timeout.
    page.setDefaultTimeout(8000);
    pages.push(page);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}/console/`);
    await page.getByLabel("API key").fill(ADMIN_KEY);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Offers" }).waitFor();
    expect(errors).toEqual([]);
    return page;
  }

  /** Drops the PDF on the drop zone as a person dragging a file from their desktop would. */
  async function dropPdf(page: Page, bytes: Uint8Array, name: string) {
    const transfer = await page.evaluateHandle(
      ({ data, fileName }) => {
        const dataTransfer = new DataTransfer();
        dataTransfer.items.add(new File([new Uint8Array(data)], fileName, { type: "application/pdf" }));
        return dataTransfer;
      },
      { data: [...bytes], fileName: name },
    );
    await page.locator(".drop-zone").dispatchEvent("drop", { dataTransfer: transfer });
  }

  it("refuses a wrong key and signs in with a right one", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    pages.push(page);
    await page.goto(`${server.url}/console/`);
    await page.getByLabel("API key").fill("not-a-key-at-all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.locator(".field-error").textContent()).toMatch(/key/i);
    await page.getByLabel("API key").fill(ADMIN_KEY);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Offers" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Offers" }).getAttribute("aria-current")).toBe("page");
    await page.reload();
    await page.getByRole("heading", { name: "Offers" }).waitFor();
    await page.screenshot({ path: join(screenshots, "console-signed-in.png") });
  });

  it("creates an offer with a real PDF, shows a bad account ID at its field, sends it and sees it accepted", async () => {
    const page = await signedIn();
    await page.getByRole("link", { name: "New offer" }).click();
    await page.getByLabel("Product").selectOption({ label: "Demo Analytics (SaaS contract) (B00635Y2IW, saas contract)" });
    await page.getByLabel("Offer name").fill("Acme, one year");
    await page.getByLabel("Internal description").fill("Approved by the VP of sales");
    await page.getByRole("button", { name: "Next" }).click();
    // The second account is refused before moving on, at its field, in the server's words.
    const accounts = page.getByLabel("Buyer account IDs");
    await accounts.fill(`${BUYER}\n12345`);
    await page.getByRole("button", { name: "Next" }).click();
    await expect.poll(() => accounts.getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#buyer-accounts-error").textContent()).toBe("12345: An account ID is exactly 12 digits, e.g. 123456789012");
    await page.screenshot({ path: join(screenshots, "console-offer-field-error.png"), fullPage: true });
    await accounts.fill(BUYER);
    await page.getByRole("button", { name: "Next" }).click();
    // Paid in installments, a contract grants quantities and the schedule carries the money.
    await page.getByLabel("In installments, on a payment schedule").check();
    await page.getByLabel("User seats (seats)").fill("250");
    await page.getByLabel("Storage (TB) (storage_tb)").fill("4");
    await page.getByLabel("Installment 1 date").fill(inDays(10));
    await page.getByLabel("Installment 1 amount (USD)").fill("2000.00");
    await page.getByRole("button", { name: "Add an installment" }).click();
    await page.getByLabel("Installment 2 date").fill(inDays(200));
    await page.getByLabel("Installment 2 amount (USD)").fill("3428.50");
    await page.getByRole("button", { name: "Next" }).click();
    await dropPdf(page, pdf, "acme-eula.pdf");
    const uploaded = page.getByRole("definition").filter({ hasText: /^3$/ });
    await uploaded.waitFor();
    expect(await page.locator("dd.mono").textContent()).toMatch(/^[0-9a-f]{64}$/);
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel("Months", { exact: true }).fill("12");
    await page.getByLabel("Acceptance deadline").fill(inDays(30));
    await page.getByLabel("Refund policy").fill("Write to refunds@acme.example within 30 days.");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("button", { name: "Create draft" }).click();

    await page.getByRole("button", { name: "Send offer" }).click();
    const dialog = page.getByRole("dialog", { name: "Send this offer?" });
    expect(await dialog.textContent()).toContain("can never be changed");
    await dialog.getByRole("button", { name: "Send, it is final" }).click();
    const buyerUrl = page.getByLabel("Buyer URL: send it to the buyer");
    await buyerUrl.waitFor();
    const url = await buyerUrl.inputValue();
    const offerId = /\/offers\/(offer-[A-Za-z0-9_-]+)$/.exec(url)?.[1] ?? "";
    expect(offerId).not.toBe("");
    expect(await page.locator(".badge").textContent()).toBe("sent");
    expect(await page.getByRole("definition").filter({ hasText: "$3,428.50" }).textContent()).toBe(
      `${inDays(10)}: $2,000.00${inDays(200)}: $3,428.50Total $5,428.50 USD in 2 installments`,
    );
    await expect.poll(() => page.getByRole("button", { name: "Copy buyer URL" }).isVisible()).toBe(true);
    await page.screenshot({ path: join(screenshots, "console-offer-sent.png"), fullPage: true });

    const admin = rpc(server.url, ADMIN_KEY);
    const token = await admin("admin.buyerTokens.issue", "mutation", { account: BUYER }, z.object({ secret: z.string() }));
    await rpc(server.url, token.secret)("buyer.offers.accept", "mutation", { offerId }, z.object({ id: z.string() }));
    await page.getByRole("button", { name: "Refresh" }).click();
    await expect.poll(() => page.locator(".badge").textContent()).toBe("accepted");
    await page.screenshot({ path: join(screenshots, "console-offer-accepted.png"), fullPage: true });

    await page.getByRole("button", { name: "Copy as new draft" }).click();
    await page.getByRole("heading", { name: "Edit draft" }).waitFor();
    expect(await page.getByLabel("Buyer account IDs").inputValue()).toBe(BUYER);
  });

  it("says why a file that is not a PDF is refused", async () => {
    const page = await signedIn();
    await page.getByRole("link", { name: "New offer" }).click();
    await page.getByLabel("Product").selectOption({ index: 1 });
    await page.getByRole("button", { name: "4. EULA" }).click();
    await page.locator("#eula-file").setInputFiles({ name: "eula.pdf", mimeType: "application/pdf", buffer: Buffer.from("this is not a PDF at all") });
    await expect.poll(() => page.locator("#eula-error").textContent()).toMatch(/PDF/);
  });

  it("lists offers with their status at 390 px, by keyboard, with nothing for axe to report", async () => {
    const admin = rpc(server.url, ADMIN_KEY);
    const products = await admin("products.list", "query", { limit: 100 }, z.object({ items: z.array(z.object({ id: z.string() })) }));
    await admin("offers.create", "mutation", { productId: products.items[0]?.id, name: "A draft to list", buyerAccounts: [BUYER] }, z.object({ id: z.string() }));
    const page = await signedIn(390);
    await page.getByRole("table").waitFor();
    expect(await page.getByRole("row").count()).toBeGreaterThan(1);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    expect(await axeViolations(page)).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(screenshots, "console-offers-390.png"), fullPage: true });

    await page.getByRole("link", { name: "New offer" }).click();
    await page.getByLabel("Product").waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});
