import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { rpc } from "@offerkit/test-server/seed";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { launchChromium } from "../src/chromium";
import { openConsoleAs, screenshot } from "../src/console-session";

const products = z.object({ items: z.array(z.object({ id: z.string(), asin: z.string(), title: z.string(), supportConnection: z.boolean() })) });

/** What a sales team changes after the set-up: a product's listing and support enrollment, a draft thrown away. */
describe("the console: editing a product, deleting a draft", () => {
  let server: ServerProcess;
  let browser: Browser;
  const pages: Page[] = [];

  beforeAll(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("edits a product's listing and enrolls it in Product Support Connection; its model stays as it is", { timeout: 60_000 }, async () => {
    const admin = rpc(server.url, ADMIN_KEY);
    const product = (await admin("products.list", "query", { limit: 100 }, products)).items.find((item) => item.asin === "B0DEMO0004");
    if (!product) throw new Error("The hourly demo product is missing");
    const { page, errors } = await openConsoleAs(browser, server.url, ADMIN_KEY);
    pages.push(page);
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Products" }).click();
    await page.getByRole("link", { name: product.title }).click();
    await page.getByRole("button", { name: "Save changes" }).waitFor();
    expect(await page.getByLabel("Pricing model").isDisabled()).toBe(true);
    expect(await page.getByLabel("ASIN").getAttribute("readonly")).not.toBeNull();
    expect(await page.getByLabel("Free trial days (optional)").inputValue()).toBe("14");

    await page.getByLabel("Search keywords").fill("appliance\nhourly\nlinux\nfourth");
    await page.getByRole("button", { name: "Save changes" }).click();
    // The server's limit, at its field: the list's own error.
    await expect.poll(() => page.locator("#product-keywords-error").textContent()).toMatch(/3/);
    await page.getByLabel("Search keywords").fill("appliance\nhourly");
    await page.getByLabel("Title").fill("Demo Appliance, hourly");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Changes saved.").waitFor();
    await page.getByRole("heading", { level: 1, name: "Demo Appliance, hourly" }).waitFor();

    await page.getByRole("button", { name: "Enroll in Product Support Connection" }).click();
    await page.getByRole("button", { name: "Leave Product Support Connection" }).waitFor();
    const saved = (await admin("products.list", "query", { limit: 100 }, products)).items.find((item) => item.id === product.id);
    expect(saved).toMatchObject({ title: "Demo Appliance, hourly", supportConnection: true });
    await screenshot(page, "product-edited");
    expect(errors).toEqual([]);
  });

  it("deletes a draft after asking, and the list no longer has it", { timeout: 60_000 }, async () => {
    const admin = rpc(server.url, ADMIN_KEY);
    const productId = (await admin("products.list", "query", { limit: 100 }, products)).items[0]?.id;
    const draft = await admin("offers.create", "mutation", { productId, name: "A draft to throw away" }, z.object({ id: z.string() }));
    const { page, errors } = await openConsoleAs(browser, server.url, ADMIN_KEY);
    pages.push(page);
    await page.goto(`${server.url}/console/offers/${draft.id}`);
    await page.getByRole("button", { name: "Delete draft" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this draft?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("heading", { level: 1, name: "A draft to throw away" }).waitFor();
    await page.getByRole("button", { name: "Delete draft" }).click();
    await dialog.getByRole("button", { name: "Delete draft" }).click();
    await page.getByRole("heading", { level: 1, name: "Offers" }).waitFor();
    await expect.poll(() => page.locator("main").textContent()).not.toContain("A draft to throw away");
    expect(errors).toEqual([]);
  });
});
