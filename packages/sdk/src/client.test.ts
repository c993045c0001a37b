import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadEulaFixture, makePdf, textOfPages } from "@offerkit/eula/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { canonicalPricing, createOfferkitClient, isOfferkitError, OfferkitError, type OfferkitErrorCode, type OfferPricing } from "./node";

const BUYER = "012345678901";
const inThirtyDays = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe("the SDK against a real server", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  }, 30_000);
  afterAll(async () => server.stop());

  const admin = () => createOfferkitClient({ baseUrl: server.url, apiKey: ADMIN_KEY });

  async function demoProduct() {
    for await (const product of admin().products.listAll({ limit: 3 })) {
      if (product.asin === "B00635Y2IW") return product;
    }
    throw new Error("demo product missing");
  }

  it("runs the whole offer lifecycle", async () => {
    const client = admin();
    const product = await demoProduct();
    const pdf = await makePdf(3, { text: "SDK lifecycle" });
    const dir = mkdtempSync(join(tmpdir(), "sdk-eula-"));
    writeFileSync(join(dir, "acme.pdf"), pdf);
    const eula = await client.eula.upload(join(dir, "acme.pdf"));
    expect(eula).toMatchObject({ fileName: "acme.pdf", pageCount: 3, sha256: createHash("sha256").update(pdf).digest("hex") });
    expect(await client.eula.upload(new Blob([new Uint8Array(pdf)]), { fileName: "same.pdf" })).toEqual(eula);
    expect(await client.eula.upload(pdf)).toEqual(eula);

    const draft = await client.offers.create({ productId: product.id, name: "SDK deal", buyerAccounts: [BUYER] });
    const complete = await client.offers.update({
      offerId: draft.id,
      patch: {
        description: "Made through the SDK",
        pricing: { model: "saas_contract", contract: { seats: "10", storage_tb: "2.5" } },
        eulaSha256: eula.sha256,
        agreement: { kind: "duration", duration: "P12M" },
        acceptanceDeadline: inThirtyDays(),
        refundPolicy: "Ask us within 30 days.",
      },
    });
    expect(complete).toMatchObject({ status: "draft", version: 2 });
    const stale = await client.offers.update({ offerId: draft.id, expectedVersion: 1, patch: { name: "Made from version 1" } }).catch((caught: unknown) => caught);
    expect(stale).toMatchObject({ code: "CONFLICT", status: 409, issues: [{ path: ["expectedVersion"], message: "The offer is at version 2" }] });
    expect(await client.offers.get({ offerId: draft.id })).toEqual(complete);
    const sent = await client.offers.send({ offerId: draft.id });
    expect(sent.status).toBe("sent");
    expect(sent.buyerUrl).toContain(`/offers/${draft.id}`);
    expect(await client.offers.get({ offerId: draft.id })).toEqual(sent);
    expect(Buffer.from(await client.eula.download({ sha256: eula.sha256 }))).toEqual(Buffer.from(pdf));

    const token = await client.admin.buyerTokens.issue({ account: BUYER });
    const buyer = createOfferkitClient({ baseUrl: server.url, apiKey: token.secret });
    expect((await buyer.buyer.offers.get({ offerId: draft.id })).name).toBe("SDK deal");
    // The buyer's copy, stamped with the offer and its account on every page; the seller keeps the original.
    const buyersCopy = await buyer.buyer.offers.downloadEula({ offerId: draft.id });
    expect(Buffer.from(buyersCopy)).not.toEqual(Buffer.from(pdf));
    for (const page of (await textOfPages(buyersCopy)).pages) expect(page).toContain(`Offer ${draft.id} · for AWS account ${BUYER}`);
    const agreement = await buyer.buyer.offers.accept({ offerId: draft.id });
    expect(await buyer.buyer.offers.accept({ offerId: draft.id })).toEqual(agreement);
    expect((await client.offers.get({ offerId: draft.id })).status).toBe("accepted");

    const copy = await client.offers.copyAsDraft({ offerId: draft.id });
    expect(copy.replacesOfferId).toBe(draft.id);
    await client.offers.delete({ offerId: copy.id });
  });

  it("answers prices in their canonical form, which canonicalPricing predicts, and sends them so", async () => {
    const client = admin();
    const product = await demoProduct();
    const pricing: OfferPricing = { model: "saas_contract", contract: { seats: "45.500", storage_tb: "007.50" } };
    const draft = await client.offers.create({ productId: product.id, name: "Canonical prices", pricing });
    expect(draft.pricing).toEqual({ model: "saas_contract", contract: { seats: "45.5", storage_tb: "7.5" } });
    expect(draft.pricing).toEqual(canonicalPricing(pricing));
    const edited = await client.offers.update({ offerId: draft.id, expectedVersion: draft.version, patch: { pricing: { model: "saas_contract", contract: { seats: "45.50", storage_tb: "7.5" } } } });
    expect(edited.pricing).toEqual(draft.pricing);
  });

  it("pages through every offer with listAll", async () => {
    const client = admin();
    const product = await demoProduct();
    const made = new Set<string>();
    for (let i = 0; i < 7; i += 1) made.add((await client.offers.create({ productId: product.id, name: `Paged ${i}` })).id);
    const seen: string[] = [];
    for await (const offer of client.offers.listAll({ status: "draft", productId: product.id, limit: 2 })) seen.push(offer.id);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of made) expect(seen).toContain(id);
  });

  it("raises OfferkitError with the server's code, status and field issues", async () => {
    const client = admin();
    const product = await demoProduct();
    const error = await client.offers.create({ productId: product.id, buyerAccounts: ["12345"] }).catch((caught: unknown) => caught);
    expect(isOfferkitError(error)).toBe(true);
    expect(error).toBeInstanceOf(OfferkitError);
    if (!isOfferkitError(error)) return;
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.status).toBe(400);
    expect(error.issues).toEqual([{ path: ["buyerAccounts", 0], message: "An account ID is exactly 12 digits, e.g. 123456789012" }]);
    expect(error.message).toContain("buyerAccounts.0");

    const unsendable = await client.offers.create({ productId: product.id });
    const refused = await client.offers.send({ offerId: unsendable.id }).catch((caught: unknown) => caught);
    expect(refused).toMatchObject({ code: "OFFER_NOT_SENDABLE", status: 422 });

    const stranger = createOfferkitClient({ baseUrl: server.url, apiKey: "oks_nobody" });
    await expect(stranger.offers.list()).rejects.toMatchObject({ code: "UNAUTHORIZED", status: 401 });
    await expect(client.eula.download({ sha256: "0".repeat(64) })).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
  });

  it("says each refused EULA's reason once, with the code the server sent", async () => {
    const client = admin();
    const refusals = [
      [new TextEncoder().encode("not a pdf at all"), "EULA_NOT_PDF"],
      [loadEulaFixture("random-bytes"), "EULA_NOT_PDF"],
      [loadEulaFixture("encrypted"), "EULA_ENCRYPTED"],
      [loadEulaFixture("no-pages"), "EULA_NO_PAGES"],
      [loadEulaFixture("truncated"), "EULA_DAMAGED"],
    ] as const;
    for (const [bytes, code] of refusals) {
      const error = await client.eula.upload(bytes).catch((caught: unknown) => caught);
      if (!isOfferkitError(error)) throw error;
      expect(error.code).toBe(code);
      expect(error.issues).toHaveLength(1);
      for (const issue of error.issues) expect(error.message.split(issue.message)).toHaveLength(2);
    }
  });

  it("reads PUBLICATION_NOT_RETRYABLE as one of its own codes", async () => {
    const client = admin();
    const product = await demoProduct();
    const draft = await client.offers.create({ productId: product.id, name: "Not retryable" });
    const error = await client.offers.republish({ offerId: draft.id }).catch((caught: unknown) => caught);
    if (!isOfferkitError(error)) throw error;
    const code: OfferkitErrorCode = "PUBLICATION_NOT_RETRYABLE";
    expect(error.code === code).toBe(true);
    expect(error.status).toBe(409);
  });

  it("builds a tracking link, follows a visitor to a conversion and reads the numbers", async () => {
    const client = admin();
    const product = await demoProduct();
    const link = await client.links.build({ asin: product.asin, refTag: "ads_sdk_test" });
    expect(link.marketplaceUrl).toBe(`https://aws.amazon.com/marketplace/pp/${product.asin}/ref=ads_sdk_test`);
    expect(link.trackingUrl).toMatch(new RegExp(`/pp/${product.asin}/ref=ads_sdk_test$`));
    const attributionId = `sdk-visitor-${Date.now()}`;
    const visit = await fetch(`${server.url}/pp/${product.asin}/ref=ads_sdk_test?aid=${attributionId}`, {
      redirect: "manual",
      headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0" },
    });
    expect(visit.status).toBe(302);
    expect(visit.headers.get("location")).toBe(link.marketplaceUrl);
    await new Promise((resolve) => setTimeout(resolve, 200));

    const recorded = await client.marketing.recordConversion({ asin: product.asin, attributionId, externalId: `sdk-order-${Date.now()}`, estimatedRevenue: "99.5" });
    expect(recorded).toMatchObject({ attributed: true, conversion: { refTag: "ads_sdk_test", estimatedRevenue: "99.50" } });
    const today = new Date().toISOString().slice(0, 10);
    const stats = await client.marketing.stats({ from: today, to: today, refTag: "ads_sdk_test" });
    expect(stats).toEqual([{ day: today, refTag: "ads_sdk_test", asin: product.asin, clicks: 1, conversions: 1 }]);
    const summary = await client.marketing.summary({ from: today, to: today, refTag: "ads_sdk_test" });
    expect(summary.rows).toMatchObject([{ refTag: "ads_sdk_test", asin: product.asin, clicks: 1, conversions: 1, conversionRate: "100.0", estimatedRevenue: "99.50" }]);
    expect(summary.totals).toMatchObject({ clicks: 1, conversions: 1, conversionRate: "100.0", estimatedRevenue: "99.50", previous: { clicks: 0 } });
    // Today's clicks go in the report made tomorrow, not before: its period has not ended.
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const report = await client.reports.daily({ date: tomorrow });
    expect(report).toMatchObject({ available: false, fileName: `reftag_daily_breakdown_report_${tomorrow}.csv`, period: { from: today, to: today } });
    if (!report.available) expect(report.reason).toContain("is made on that day");
    expect((await client.reports.weekly({ date: "2001-01-01" })).available).toBe(false);
  });

  it("subscribes, meters usage, looks up eligibility and passes on a support contact", async () => {
    const client = admin();
    const { items } = await client.products.list({ limit: 100 });
    const metered = items.find((product) => product.asin === "B0DEMO0007");
    if (!metered) throw new Error("demo product missing");
    await client.products.update({ productId: metered.id, patch: { publicPricing: { model: "usage", rates: { hosts_small: "0.5", hosts_large: "2" } } } });
    await client.products.setSupportConnection({ productId: metered.id, enrolled: true });
    const account = "333333333333";
    const buyer = createOfferkitClient({ baseUrl: server.url, apiKey: (await client.admin.buyerTokens.issue({ account })).secret });
    const subscription = await buyer.buyer.subscriptions.subscribe({ asin: metered.asin });
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
    const record = { account, asin: metered.asin, dimension: "hosts_large", hour, quantity: 7 };
    expect(await client.usage.report({ records: [record] })).toEqual([{ index: 0, outcome: "accepted" }]);
    expect(await client.usage.report({ records: [record] })).toEqual([{ index: 0, outcome: "duplicate" }]);
    const eligibility = await client.support.lookup({ account });
    expect(eligibility.subscriptions[0]).toMatchObject({ id: subscription.id, visibility: "public", estimatedCharge: "14.00" });

    const before = await client.contacts.changes();
    const shared = await buyer.buyer.contacts.share({
      subscriptionId: subscription.id,
      consent: true,
      contact: { givenName: "Grace", surname: "Hopper", organization: "Navy", email: "grace@navy.example", phone: "+1 202 555 0199" },
    });
    const feed = await client.contacts.changes({ since: before.nextCursor });
    expect(feed.changes.map((change) => [change.contactId, change.operation, change.contact?.phone])).toEqual([[shared.id, "CREATE", "+1 202 555 0199"]]);
    await expect(buyer.buyer.contacts.share({ subscriptionId: subscription.id, consent: false, contact: shared })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });

  it("never sends twice when the answer to a send is lost and the SDK retries", async () => {
    const client = admin();
    const product = await demoProduct();
    const eula = await client.eula.upload(await makePdf(1, { text: "lost answers" }));
    let sends = 0;
    let keys: string[] = [];
    // Forwards to the real server, but loses the answer of the first send on the way back.
    const lossy: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      const response = await fetch(input, init);
      if (url.includes("offers.send")) {
        sends += 1;
        keys.push(JSON.parse(String(init?.body))["0"].idempotencyKey);
        if (sends === 1) throw new TypeError("fetch failed: connection reset");
      }
      return response;
    };
    const flaky = createOfferkitClient({ baseUrl: server.url, apiKey: ADMIN_KEY, fetch: lossy, retryBaseDelayMs: 10 });
    const draft = await client.offers.create({
      productId: product.id,
      name: "Lost answer",
      description: "The first answer never arrives",
      buyerAccounts: [BUYER],
      pricing: { model: "saas_contract", contract: { seats: "1", storage_tb: "1" } },
      eulaSha256: eula.sha256,
      agreement: { kind: "duration", duration: "P1M" },
      acceptanceDeadline: inThirtyDays(),
      refundPolicy: "Ask us.",
    });
    const sent = await flaky.offers.send({ offerId: draft.id });
    expect(sends).toBe(2);
    expect(new Set(keys).size).toBe(1);
    expect(sent.status).toBe("sent");
    expect(await client.offers.get({ offerId: draft.id })).toEqual(sent);
    keys = [];
  });
});
