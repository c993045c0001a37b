import { openDatabase, updatePublication } from "@offerkit/db";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { rpc, seedBuyerScenario } from "@offerkit/test-server/seed";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { launchChromium } from "../src/chromium";
import { PHONE, openConsoleAs, overflowsSideways, screenshot } from "../src/console-session";

const TARGETED = "111122223333";
const MARKETPLACE_OFFER = "offer-4x2mw3wnbdnhg";

/**
 * A sent offer's publication as its page tells it. The server publishes locally; the AWS states
 * are written to its database as the AWS follower writes them (`updatePublication`), so the page
 * is read exactly as it would be with the aws publisher.
 */
describe("the console: a sent offer's publication, locally and on AWS Marketplace", () => {
  let server: ServerProcess;
  let browser: Browser;
  let offerId: string;

  beforeAll(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
    const scenario = await seedBuyerScenario(server.url, { targeted: TARGETED, other: "444455556666" });
    offerId = scenario.offerId;
    await rpc(server.url, scenario.targetedToken)("buyer.offers.accept", "mutation", { offerId }, z.object({ id: z.string() }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Writes what the AWS follower would have learned, on the server's own SQLite file. */
  async function marketplaceSays(update: Parameters<typeof updatePublication>[3]) {
    const database = openDatabase({ dataDir: server.dataDir });
    try {
      expect(await updatePublication(database.db, offerId, 1, update)).toBe(true);
    } finally {
      await database.close();
    }
  }

  async function title(page: Page): Promise<string | null> {
    await page.getByRole("button", { name: "Refresh" }).click();
    return page.locator(".publication-title strong").textContent();
  }

  it("says recorded locally, then each AWS state: publishing, refused with reasons per field, published with its agreement", { timeout: 60_000 }, async () => {
    const { page, errors } = await openConsoleAs(browser, server.url, ADMIN_KEY);
    await page.goto(`${server.url}/console/offers/${offerId}`);
    await page.locator(".publication").waitFor();
    expect(await page.locator(".publication-title strong").textContent()).toBe("Recorded locally, not published to a marketplace");
    expect(await page.locator("main").textContent()).not.toMatch(/Marketplace: published|published as/);

    const at = new Date().toISOString();
    await marketplaceSays({ state: "publishing", nextCheckAt: null, at });
    await expect.poll(() => title(page)).toBe("Publishing to AWS Marketplace");
    expect(await page.locator(".publication").textContent()).toContain("about 45 minutes");

    await marketplaceSays({
      state: "failed",
      nextCheckAt: null,
      at,
      error: {
        message: "AWS Marketplace refused the change set",
        details: [
          { code: "INVALID_INPUT", message: "The refund policy must be ASCII text", field: "refundPolicy" },
          { code: "INCOMPATIBLE_PRODUCT", message: "The product is not public" },
        ],
      },
    });
    await expect.poll(() => title(page)).toBe("AWS Marketplace refused it");
    const refused = page.locator(".refused-fields");
    expect(await refused.locator("dt").allTextContents()).toEqual(["Refund policy", "The offer as a whole"]);
    expect(await refused.locator("dd").first().textContent()).toContain("The refund policy must be ASCII text");
    // A refused offer is on no marketplace: its link is not offered to a buyer.
    expect(await page.getByLabel("Buyer URL: send it to the buyer").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Publish again, same terms" }).count()).toBe(1);
    await screenshot(page, "publication-refused");
    const phone = await openConsoleAs(browser, server.url, ADMIN_KEY, PHONE);
    await phone.page.goto(`${server.url}/console/offers/${offerId}`);
    await phone.page.locator(".refused-fields").waitFor();
    expect(await overflowsSideways(phone.page)).toBeNull();
    await screenshot(phone.page, "publication-refused");
    await phone.page.close();

    await marketplaceSays({
      state: "published",
      nextCheckAt: null,
      at,
      marketplaceOfferId: MARKETPLACE_OFFER,
      buyerUrl: `https://aws.amazon.com/marketplace/procurement?offerId=${MARKETPLACE_OFFER}`,
      agreement: { id: "agmt-6vz7bmrp0w1ns9mk2xq4", buyerAccount: TARGETED, acceptedAt: at, startsAt: at, endsAt: null },
    });
    await expect.poll(() => title(page)).toBe(`Published on AWS Marketplace as ${MARKETPLACE_OFFER}`);
    expect(await page.getByLabel("The offer on the marketplace").inputValue()).toBe(`https://aws.amazon.com/marketplace/procurement?offerId=${MARKETPLACE_OFFER}`);
    const row = page.locator(".buyers-table tbody tr", { hasText: TARGETED });
    expect(await row.locator(".pill").textContent()).toBe("Accepted");
    expect(await row.getByRole("button", { name: `Copy marketplace agreement ID of ${TARGETED}` }).count()).toBe(1);
    await screenshot(page, "publication-published-aws");
    expect(errors).toEqual([]);
    await page.close();
  });
});
