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
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const CONTRACT = "Demo Analytics (SaaS contract) (B00635Y2IW, saas contract)";

const storedOffer = z.object({
  buyerAccounts: z.array(z.string()),
  description: z.string().nullable(),
  installments: z.array(z.object({ chargeDate: z.string(), amount: z.string() })).nullable(),
});

/** The two screens a rep uses: a laptop and a phone. */
const viewports = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

describe("the console's offer form in Chromium: money as typed, mistakes caught where they are made", () => {
  let server: ServerProcess;
  let browser: Browser;
  let pdf: Uint8Array;
  const pages: Page[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    server = await startServerProcess();
    browser = await launchChromium();
    pdf = await makePdf(2, { text: "Acme EULA for the offer form" });
  }, 60_000);
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newOffer(width: number, height: number): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height } });
    page.setDefaultTimeout(8000);
    pages.push(page);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}/console/`);
    await page.getByLabel("API key").fill(ADMIN_KEY);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Offers" }).waitFor();
    await page.getByRole("link", { name: "New offer" }).first().click();
    await page.getByLabel("Product").selectOption({ label: CONTRACT });
    return { page, errors };
  }

  async function dropPdf(page: Page) {
    const transfer = await page.evaluateHandle(
      (data) => {
        const dataTransfer = new DataTransfer();
        dataTransfer.items.add(new File([new Uint8Array(data)], "acme-eula.pdf", { type: "application/pdf" }));
        return dataTransfer;
      },
      [...pdf],
    );
    await page.locator(".drop-zone").dispatchEvent("drop", { dataTransfer: transfer });
    await page.locator("dd.mono, [aria-label='Uploaded EULA']").first().waitFor();
  }

  /** Nothing for axe to report and no sideways scrolling, on the step on show. */
  async function accessibleAndFits(page: Page) {
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  }

  const next = (page: Page) => page.getByRole("button", { name: "Next" }).click();
  const stepMarked = (page: Page, name: string) => page.getByRole("listitem").filter({ has: page.getByRole("button", { name }) }).getAttribute("class");

  describe.each(viewports)("at $width x $height", ({ name, width, height }) => {
    it(
      "marks a missing description before moving on and clears the step's mark once it is fixed",
      async () => {
        const { page, errors } = await newOffer(width, height);
        await page.getByLabel("Offer name").fill("Acme, one year");
        await next(page);
        const description = page.getByLabel("Internal description");
        await expect.poll(() => description.getAttribute("aria-invalid")).toBe("true");
        expect(await page.locator("#description-error").textContent()).toBe("A description for your team is required (buyers never see it)");
        expect(await stepMarked(page, "1. Product")).toBe("step-invalid");
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("description");
        await description.fill("Approved by the VP of sales");
        await expect.poll(() => description.getAttribute("aria-invalid")).toBeNull();
        expect(await stepMarked(page, "1. Product")).toBeNull();
        await next(page);
        await page.getByLabel("Buyer account IDs").waitFor();
        expect(errors).toEqual([]);
      },
      60_000,
    );

    it(
      "normalises pasted account IDs, marks a wrong one on leaving the field, and refuses 30,00",
      async () => {
        const { page, errors } = await newOffer(width, height);
        await page.getByLabel("Offer name").fill("Acme, one year");
        await page.getByLabel("Internal description").fill("Approved by the VP of sales");
        await next(page);

        const accounts = page.getByLabel("Buyer account IDs");
        await accounts.fill("1234-5678-9012, 0000 1111 2222\n12345-6789-01");
        await accounts.blur();
        await expect.poll(() => accounts.inputValue()).toBe("123456789012\n000011112222\n12345-6789-01");
        await expect.poll(() => accounts.getAttribute("aria-invalid")).toBe("true");
        expect(await page.locator("#buyer-accounts-error").textContent()).toBe("12345-6789-01: An account ID is exactly 12 digits, e.g. 123456789012");
        await page.screenshot({ path: join(screenshots, `console-offer-form-account-marked-${name}.png`), fullPage: true });
        await accessibleAndFits(page);
        await accounts.fill("1234-5678-9012\n0000 1111 2222");
        await expect.poll(() => accounts.getAttribute("aria-invalid")).toBeNull();
        await accounts.blur();
        await expect.poll(() => accounts.inputValue()).toBe("123456789012\n000011112222");
        await next(page);

        await page.getByLabel("In installments, on a payment schedule").check();
        await page.getByLabel("User seats (seats)").fill("250");
        await page.getByLabel("Storage (TB) (storage_tb)").fill("4");
        await page.getByLabel("Installment 1 date").fill(inDays(10));
        const amount = page.getByLabel("Installment 1 amount (USD)");
        await amount.fill("30,00");
        await amount.blur();
        await expect.poll(() => amount.getAttribute("aria-invalid")).toBe("true");
        expect(await page.locator("#installment-1-amount-error").textContent()).toMatch(/^"30,00" is ambiguous/);
        await page.screenshot({ path: join(screenshots, `console-offer-form-amount-refused-${name}.png`), fullPage: true });
        await accessibleAndFits(page);
        await next(page);
        expect(await page.getByRole("heading", { name: "Prices" }).isVisible()).toBe(true);

        // Rows copied from a spreadsheet fill the schedule, each amount whole and read as typed.
        await amount.evaluate((input, text) => {
          const data = new DataTransfer();
          data.setData("text/plain", text);
          input.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
        }, `${inDays(10)}\t30,000.00\n${inDays(40)}\t1 500`);
        await expect.poll(() => page.getByLabel("Installment 2 amount (USD)").inputValue()).toBe("1 500");
        expect(await page.getByLabel("Installment 1 amount (USD)").inputValue()).toBe("30,000.00");
        expect(await page.getByLabel("Installment 2 date").inputValue()).toBe(inDays(40));
        await expect.poll(() => page.locator(".schedule-total-amount").textContent()).toBe("$31,500.00");
        expect(errors).toEqual([]);
      },
      60_000,
    );

    it(
      "sends an installment typed 30,000.00 as 30000.00, shown as understood while typed, and stores it so",
      async () => {
        const { page, errors } = await newOffer(width, height);
        const sent: string[] = [];
        page.on("request", (request) => {
          if (request.url().includes("/trpc/offers.create")) sent.push(request.postData() ?? "");
        });
        await page.getByLabel("Offer name").fill(`Acme, paid in two (${name})`);
        await page.getByLabel("Internal description").fill("Two installments, approved by finance");
        await next(page);
        await page.getByLabel("Buyer account IDs").fill("0123-4567-8901");
        await next(page);

        await page.getByLabel("In installments, on a payment schedule").check();
        await page.getByLabel("User seats (seats)").fill("250");
        await page.getByLabel("Storage (TB) (storage_tb)").fill("4");
        await page.getByLabel("Installment 1 date").fill(inDays(10));
        // Over the marketplace's cap, which only the server knows: it is refused when saved.
        await page.getByLabel("Installment 1 amount (USD)").fill("150,000,000.00");
        expect(await page.locator("#installment-1-amount-understood").textContent()).toBe("= $150,000,000.00");
        await page.getByRole("button", { name: "Add an installment" }).click();
        await page.getByLabel("Installment 2 date").fill(inDays(200));
        await page.getByLabel("Installment 2 amount (USD)").fill("$1,500.5");
        expect(await page.locator("#installment-2-amount-understood").textContent()).toBe("= $1,500.50");
        await expect.poll(() => page.locator(".schedule-total-amount").textContent()).toBe("$150,001,500.50");
        await page.screenshot({ path: join(screenshots, `console-offer-form-installments-${name}.png`), fullPage: true });
        await accessibleAndFits(page);
        await next(page);

        // Moving on without a EULA is refused once, in words that do not repeat the field's name.
        await next(page);
        await expect.poll(() => page.locator("#eula-error").textContent()).toBe("Upload the license agreement as a PDF");
        await page.locator("#eula-file").setInputFiles({ name: "eula.pdf", mimeType: "application/pdf", buffer: Buffer.from("this is not a PDF at all") });
        await expect.poll(() => page.locator("#eula-error").textContent()).toBe("The EULA must be a PDF file; this file does not start with a PDF header.");
        await dropPdf(page);
        await next(page);
        await page.getByLabel("Months", { exact: true }).fill("12");
        await page.getByLabel("Acceptance deadline").fill(inDays(30));
        await page.getByLabel("Refund policy").fill("Write to refunds@acme.example within 30 days.");
        await next(page);

        const review = page.locator("dl.review-terms");
        await review.waitFor();
        expect(await review.textContent()).toContain("Two installments, approved by finance");
        expect(await review.textContent()).toContain("012345678901");
        await page.screenshot({ path: join(screenshots, `console-offer-form-review-${name}.png`), fullPage: true });
        await accessibleAndFits(page);
        await page.getByRole("button", { name: "Create draft" }).click();

        // The server's answer lands on the same field, on the step that holds it, and clears once fixed.
        const amount = page.getByLabel("Installment 1 amount (USD)");
        await expect.poll(() => amount.getAttribute("aria-invalid")).toBe("true");
        expect(await page.locator("#installment-1-amount-error").textContent()).toBe("AWS Marketplace takes at most 100,000,000 USD per installment");
        expect(await stepMarked(page, "3. Prices")).toBe("step-invalid");
        await page.screenshot({ path: join(screenshots, `console-offer-form-server-error-${name}.png`), fullPage: true });
        await amount.fill("30,000.00");
        expect(await page.locator("#installment-1-amount-understood").textContent()).toBe("= $30,000.00");
        await expect.poll(() => amount.getAttribute("aria-invalid")).toBeNull();
        expect(await stepMarked(page, "3. Prices")).toBeNull();
        await expect.poll(() => page.locator(".schedule-total-amount").textContent()).toBe("$31,500.50");
        await page.getByRole("button", { name: "6. Review" }).click();
        await page.getByRole("button", { name: "Create draft" }).click();
        await page.waitForURL(/\/offers\/offer-/);

        expect(sent).toHaveLength(2);
        const body = JSON.stringify(JSON.parse(sent[1] ?? "{}"));
        expect(body).toContain(`{"chargeDate":"${inDays(10)}","amount":"30000.00"}`);
        expect(body).toContain(`{"chargeDate":"${inDays(200)}","amount":"1500.5"}`);
        const offerId = /\/offers\/(offer-[A-Za-z0-9_-]+)/.exec(page.url())?.[1] ?? "";
        const stored = await rpc(server.url, ADMIN_KEY)("offers.get", "query", { offerId }, storedOffer);
        // The API keeps one spelling per amount: 30000.00 is stored as 30000, the same value.
        expect(stored.installments).toEqual([
          { chargeDate: inDays(10), amount: "30000" },
          { chargeDate: inDays(200), amount: "1500.5" },
        ]);
        expect(stored.buyerAccounts).toEqual(["012345678901"]);
        expect(stored.description).toBe("Two installments, approved by finance");

        // Edited again, the draft's schedule comes back as rows, each amount read as it was stored.
        await page.getByRole("link", { name: "Edit draft" }).click();
        await page.getByRole("heading", { name: "Edit draft" }).waitFor();
        await page.getByRole("button", { name: "3. Prices" }).click();
        expect(await page.getByLabel("Installment 1 amount (USD)").inputValue()).toBe("30000");
        expect(await page.locator("[id$='-amount-understood']").allTextContents()).toEqual(["= $30,000.00", "= $1,500.50"]);
        expect(await page.locator(".schedule-total-amount").textContent()).toBe("$31,500.50");
        expect(errors).toEqual([]);
      },
      90_000,
    );
  });
});
