import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { disableFailingEndpoint, openDatabase } from "@offerkit/db";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { rpc } from "@offerkit/test-server/seed";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { axeViolations } from "../src/axe";
import { launchChromium } from "../src/chromium";
import { DESKTOP, PHONE, openConsoleAs, overflowsSideways, screenshot } from "../src/console-session";

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A seller's receiver on this machine: records every request and answers with `status`; `/down` always fails. */
async function startReceiver(): Promise<{ url: string; received: Received[]; answer: (status: number) => void; close: () => Promise<void> }> {
  const received: Received[] = [];
  let status = 200;
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ method: request.method ?? "", path: request.url ?? "", headers: request.headers, body });
      const answer = request.url === "/down" ? 503 : status;
      response.writeHead(answer, { "content-type": "text/plain" });
      response.end(answer < 300 ? "ok, stored" : "receiver down for maintenance");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer: (next) => (status = next),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A seller wires Offerkit to its own system in the console alone: an endpoint on a real receiver,
 * its secret shown once, a test that arrives signed, a failing receiver seen as such, the delivery
 * log, replays, a rotated secret, disabled and enabled, deleted.
 */
describe("the console: webhooks", () => {
  let server: ServerProcess;
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const pages: Page[] = [];

  beforeAll(async () => {
    receiver = await startReceiver();
    // The receiver is on loopback, which a production server refuses.
    server = await startServerProcess({ OFFERKIT_WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true" });
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });

  /** What the deliverer does to an endpoint that failed past the retry window, on the server's own SQLite file. */
  async function offerkitDisables(endpointId: string, reason: string) {
    const database = openDatabase({ dataDir: server.dataDir });
    try {
      await disableFailingEndpoint(database.db, endpointId, reason, new Date().toISOString());
    } finally {
      await database.close();
    }
  }
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await receiver?.close();
  });

  async function open(viewport = DESKTOP) {
    const opened = await openConsoleAs(browser, server.url, ADMIN_KEY, viewport);
    pages.push(opened.page);
    return opened;
  }

  const posts = () => receiver.received.filter((request) => request.method === "POST" && request.path === "/hooks/offerkit");

  it("refuses http://example.com/x with the server's words at the URL field", { timeout: 60_000 }, async () => {
    const { page, errors } = await open();
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Webhooks" }).click();
    await page.getByRole("link", { name: "Add endpoint" }).click();
    await page.getByRole("heading", { level: 1, name: "Add a webhook endpoint" }).waitFor();
    await page.getByLabel("URL").fill("http://example.com/x");
    await page.getByRole("checkbox", { name: /^offer\.sent / }).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect.poll(() => page.locator("#endpoint-url-error").textContent()).toMatch(/https/);
    expect(await page.getByLabel("URL").getAttribute("aria-invalid")).toBe("true");
    // Focus goes to the refused field.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("endpoint-url");
    await screenshot(page, "webhook-url-refused");
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("adds an endpoint, tests it, reads the log, replays, rotates, disables, enables and deletes it", { timeout: 180_000 }, async () => {
    const { page, errors } = await open();
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Webhooks" }).click();
    await page.getByText("No webhook endpoints yet.").waitFor();
    await page.getByRole("link", { name: "Add endpoint" }).click();

    await page.getByLabel("URL").fill(`${receiver.url}/hooks/offerkit`);
    await page.getByLabel("Description (optional)").fill("CRM sync");
    await page.getByRole("checkbox", { name: /^offer\.accepted / }).check();
    await page.getByRole("checkbox", { name: /^webhook\.test / }).check();
    await page.getByRole("button", { name: "Add endpoint" }).click();

    // The secret, once.
    const secretBox = page.getByLabel("Signing secret, secret");
    await secretBox.waitFor();
    const secret = await secretBox.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByText("It is shown only this once").waitFor();
    await page.getByRole("button", { name: "I have stored it" }).click();
    await page.getByRole("heading", { level: 1, name: "CRM sync" }).waitFor();
    expect(await page.locator("main").textContent()).not.toContain(secret);

    // A test arrives, signed the Standard Webhooks way.
    await page.getByRole("button", { name: "Send test event" }).click();
    await page.getByText("Test event delivered:").waitFor();
    expect(posts()).toHaveLength(1);
    const headers = posts()[0]?.headers ?? {};
    expect(headers["webhook-id"]).toMatch(/^evt-/);
    expect(headers["webhook-timestamp"]).toMatch(/^\d+$/);
    expect(headers["webhook-signature"]).toMatch(/^v1,/);
    expect(JSON.parse(posts()[0]?.body ?? "{}")).toMatchObject({ type: "webhook.test" });

    // The receiver fails: the test says so, with the status and the answer's first bytes.
    receiver.answer(500);
    await page.getByRole("button", { name: "Send test event" }).click();
    const result = page.locator(".test-result");
    await page.getByText("Test event failed:").waitFor();
    expect(await result.textContent()).toContain("HTTP 500");
    expect(await result.locator("pre").textContent()).toBe("receiver down for maintenance");
    await screenshot(page, "webhook-test-failed");

    // The log, newest first: the failed test on top, its attempt one click away.
    const rows = page.locator(".deliveries-table tbody tr");
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toMatch(/webhook\.test/);
    await rows.nth(0).locator("summary").click();
    expect(await rows.nth(0).locator(".attempts").textContent()).toContain("HTTP 500");
    await page.getByLabel("Show").selectOption("delivered");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.nth(0).textContent()).toContain("Delivered");
    await page.getByLabel("Show").selectOption("");
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);

    // Replays, with the receiver back: one event, then a time range.
    receiver.answer(200);
    const replayed = (await rows.nth(0).locator(".short-id .mono").getAttribute("title")) ?? "";
    expect(replayed).toMatch(/^evt-/);
    const copies = () => posts().filter((post) => post.headers["webhook-id"] === replayed).length;
    const before = copies();
    await rows.nth(0).getByRole("button", { name: `Replay event ${replayed}` }).click();
    await page.getByText(`1 delivery queued for event ${replayed}`).waitFor();
    // Sent again with its own ID, so a receiver that deduplicates keeps one copy.
    await expect.poll(copies, { timeout: 20_000 }).toBeGreaterThan(before);
    await page.getByRole("button", { name: "Replay range" }).click();
    await page.getByText(/2 deliveries queued from .* UTC/).waitFor();
    // A replay sends the same delivery again: both rows go back to pending, then are delivered.
    await expect
      .poll(
        async () => {
          await page.getByRole("button", { name: "Refresh" }).click();
          return rows.evaluateAll((all) => all.map((row) => row.querySelector(".pill")?.textContent));
        },
        { timeout: 20_000 },
      )
      .toEqual(["Delivered", "Delivered"]);

    // The endpoint's page with its log, on a laptop and on a phone.
    await rows.nth(0).locator("summary").click();
    await screenshot(page, "webhook-endpoint");
    expect(await axeViolations(page)).toEqual([]);
    const phone = await open(PHONE);
    await phone.page.goto(page.url());
    await phone.page.locator(".deliveries-table tbody tr").first().waitFor();
    await phone.page.locator(".deliveries-table tbody tr summary").first().click();
    expect(await overflowsSideways(phone.page)).toBeNull();
    expect(await phone.page.locator(".deliveries-table tbody tr").first().evaluate((row) => getComputedStyle(row).display)).toBe("block");
    await screenshot(phone.page, "webhook-endpoint");
    expect(await axeViolations(phone.page)).toEqual([]);

    // A new secret, once; the old one still signs for the overlap.
    await page.getByLabel("Old secret stays valid for (hours)").fill("2");
    await page.getByRole("button", { name: "Rotate secret" }).click();
    const rotated = await page.getByLabel("New signing secret, secret").inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await page.getByText(/Deliveries carry a signature by each secret until/).waitFor();
    await page.getByRole("button", { name: "I have stored it" }).click();
    await page.getByText("Old secret signs until").waitFor();

    // Disabled, then enabled.
    await page.getByRole("button", { name: "Disable endpoint" }).click();
    await page.getByRole("button", { name: "Enable endpoint" }).waitFor();
    expect(await page.locator(".page-head .pill").textContent()).toBe("Disabled");
    await page.getByRole("button", { name: "Enable endpoint" }).click();
    await page.getByRole("button", { name: "Disable endpoint" }).waitFor();

    // An edit: the description, and a third event type.
    await page.getByLabel("Description (optional)").fill("CRM sync, production");
    await page.getByRole("checkbox", { name: /^agreement\.created / }).check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Changes saved.").waitFor();
    await page.getByRole("heading", { level: 1, name: "CRM sync, production" }).waitFor();

    // A second endpoint whose receiver is down, made through the API: the list warns about it.
    const admin = rpc(server.url, ADMIN_KEY);
    const down = await admin(
      "webhooks.create",
      "mutation",
      { url: `${receiver.url}/down`, description: "Billing, receiver down", eventTypes: ["agreement.created"] },
      z.object({ endpoint: z.object({ id: z.string() }) }),
    );
    expect(await admin("webhooks.sendTest", "mutation", { endpointId: down.endpoint.id }, z.object({ delivered: z.boolean() }))).toEqual({ delivered: false });

    // The list, on a laptop and on a phone.
    await page.getByRole("link", { name: "All endpoints" }).click();
    const listRow = page.locator(".webhooks-table tbody tr");
    await expect.poll(() => listRow.count()).toBe(2);
    const crmRow = listRow.filter({ hasText: "CRM sync, production" });
    expect(await crmRow.textContent()).toContain("3 types");
    expect(await listRow.filter({ hasText: "Billing, receiver down" }).textContent()).toMatch(/Failing since \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    await screenshot(page, "webhooks");
    await phone.page.getByRole("link", { name: "All endpoints" }).click();
    await phone.page.locator(".webhooks-table tbody tr").first().waitFor();
    expect(await overflowsSideways(phone.page)).toBeNull();
    await screenshot(phone.page, "webhooks");
    expect(await axeViolations(phone.page)).toEqual([]);

    // Offerkit gave up on the second one: the list says why and when, and it can be enabled again there.
    await offerkitDisables(down.endpoint.id, "Every delivery since 2026-11-30 10:00 UTC failed, for longer than the retry window; the last: HTTP 503");
    await phone.page.reload();
    const disabledRow = phone.page.locator(".webhooks-table tbody tr").filter({ hasText: "Billing, receiver down" });
    await disabledRow.getByText("Disabled by Offerkit").waitFor();
    expect(await disabledRow.textContent()).toMatch(/Offerkit disabled this endpoint on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC:.*HTTP 503/);
    expect(await overflowsSideways(phone.page)).toBeNull();
    await screenshot(phone.page, "webhooks-disabled");
    await page.reload();
    const billingRow = listRow.filter({ hasText: "Billing, receiver down" });
    await billingRow.getByText("Disabled by Offerkit").waitFor();
    await screenshot(page, "webhooks-disabled");
    await billingRow.getByRole("button", { name: "Enable again Billing, receiver down" }).click();
    // Enabling clears the failing mark; the endpoint's next failed retry may set it again at once.
    await expect.poll(() => billingRow.locator(".pill").textContent()).toMatch(/^Enabled/);
    expect(await billingRow.textContent()).not.toContain("Offerkit disabled this endpoint");

    // Deleted, after a confirmation.
    await crmRow.getByRole("link").click();
    await page.getByRole("button", { name: "Delete endpoint" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this endpoint?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Delete endpoint" }).click();
    await dialog.getByRole("button", { name: "Delete endpoint" }).click();
    await page.getByRole("heading", { level: 1, name: "Webhooks" }).waitFor();
    await expect.poll(() => listRow.count()).toBe(1);
    expect(await page.locator("main").textContent()).not.toContain("CRM sync");
    expect(errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  });

  it("shows a key with webhooks:read alone the endpoints read-only, and says adding one needs webhooks:write", { timeout: 60_000 }, async () => {
    const admin = rpc(server.url, ADMIN_KEY);
    await admin("webhooks.create", "mutation", { url: `${receiver.url}/hooks/read-only`, description: "Looked at, not touched", eventTypes: ["offer.sent"] }, z.object({ endpoint: z.object({ id: z.string() }) }));
    const issued = await admin("admin.apiKeys.create", "mutation", { name: "Ops dashboard", scopes: ["webhooks:read"] }, z.object({ secret: z.string() }));
    const { page, errors } = await openConsoleAs(browser, server.url, issued.secret);
    pages.push(page);
    const nav = page.getByRole("navigation", { name: "Sections" });
    expect(await nav.getByRole("link").allTextContents()).toEqual(["Webhooks"]);
    await nav.getByRole("link", { name: "Webhooks" }).click();
    await page.getByText("that needs the webhooks:write scope").waitFor();
    expect(await page.getByRole("link", { name: "Add endpoint" }).count()).toBe(0);
    await page.getByRole("link", { name: /hooks\/read-only/ }).click();
    await page.getByRole("heading", { name: "Delivery log" }).waitFor();
    expect(await page.getByRole("button", { name: "Send test event" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Rotate secret" }).count()).toBe(0);
    await page.goto(`${server.url}/console/webhooks/new`);
    await page.getByRole("heading", { name: "Not with this API key" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("Adding a webhook endpoint needs the webhooks:write scope");
    expect(errors).toEqual([]);
  });
});
