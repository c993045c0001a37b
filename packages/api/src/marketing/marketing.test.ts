import { createClickWriter } from "@offerkit/db";
import { testDialects } from "@offerkit/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClickTracker, type ClickTracker } from "../clicks/click-tracker";
import { failure } from "../test-helpers";
import { completeOfferTerms, createTestApi, sampleProduct, uploadSamplePdf } from "../testing";

const browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const VISITOR = "visitor-aaaaaaaaaaaaaaaa";

describe.each(testDialects())("campaigns on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let tracker: ClickTracker;
  beforeAll(async () => {
    api = await createTestApi(dialect);
    tracker = createClickTracker({ db: api.deps.db, writer: createClickWriter(api.database) }, api.clock, {
      marketplaceUrl: api.deps.config.marketplaceUrl,
      flushIntervalMs: 10_000,
    });
  });
  afterAll(async () => {
    await tracker.close();
    await api.close();
  });

  async function click(asin: string, refTag: string, visitor: string | null, at: string, address = "203.0.113.7") {
    api.clock.set(at);
    const result = await tracker.track({ asin, refTag, verdict: "count", cookie: visitor, attributionId: null, address, userAgent: browser });
    await tracker.flush();
    return result;
  }

  /** The visitor ID a redirect hands the browser as its cookie, or null when it hands none. */
  const cookieOf = (result: Awaited<ReturnType<typeof click>>) => (result.kind === "redirect" && result.refreshCookie ? result.visitorId : null);

  /** An offer on the product sent to `account`, and accepted there in a browser whose cookie is `cookie`. */
  async function acceptInBrowser(seller: Awaited<ReturnType<typeof api.newSeller>>, productId: string, account: string, cookie: string | null, attributionId?: string) {
    const eula = await uploadSamplePdf(seller.admin, 1, `${seller.sellerId} ${account}`);
    const offer = await seller.admin.offers.send({ offerId: (await seller.admin.offers.create(completeOfferTerms(productId, eula.sha256, [account]))).id });
    const token = await seller.admin.admin.buyerTokens.issue({ account });
    return (await api.callerFor(token.secret, cookie)).buyer.offers.accept({ offerId: offer.id, ...(attributionId ? { attributionId } : {}) });
  }

  it("builds links to the seller's own products only", async () => {
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct());
    expect(await seller.admin.marketing.buildLink({ asin: product.asin, refTag: "ads_google_q3" })).toEqual({
      marketplaceUrl: `https://marketplace.example.test/marketplace/pp/${product.asin}/ref=ads_google_q3`,
      trackingUrl: `https://offers.example.test/pp/${product.asin}/ref=ads_google_q3`,
    });
    expect((await seller.admin.marketing.buildLink({ asin: product.asin })).marketplaceUrl).toMatch(/ref=vdr_rf$/);
    expect((await failure(seller.admin.marketing.buildLink({ asin: product.asin, refTag: "a-b" }))).paths).toEqual(["refTag"]);
    const other = await api.newSeller();
    expect((await failure(other.admin.marketing.buildLink({ asin: product.asin }))).code).toBe("NOT_FOUND");
  });

  it("counts one click per visitor, day, tag and product", async () => {
    const seller = await api.newSeller();
    const a = await seller.admin.products.create(sampleProduct());
    const b = await seller.admin.products.create(sampleProduct());
    await click(a.asin, "ads_x", VISITOR, "2027-04-01T09:00:00.000Z");
    await click(a.asin, "ads_x", VISITOR, "2027-04-01T18:00:00.000Z");
    await click(a.asin, "ads_x", VISITOR, "2027-04-02T09:00:00.000Z");
    await click(a.asin, "ads_y", VISITOR, "2027-04-02T09:00:00.000Z");
    await click(b.asin, "ads_x", VISITOR, "2027-04-02T09:00:00.000Z");
    await click(a.asin, "ads_x", null, "2027-04-02T10:00:00.000Z", "198.51.100.1");
    await click(a.asin, "ads_x", null, "2027-04-02T11:00:00.000Z", "198.51.100.1");
    await click(a.asin, "ads_x", null, "2027-04-02T11:00:00.000Z", "198.51.100.2");
    const stats = await seller.admin.marketing.stats({ from: "2027-04-01", to: "2027-04-02" });
    const count = (day: string, tag: string, asin: string) => stats.find((s) => s.day === day && s.refTag === tag && s.asin === asin)?.clicks;
    expect(count("2027-04-01", "ads_x", a.asin)).toBe(1);
    expect(count("2027-04-02", "ads_x", a.asin)).toBe(3);
    expect(count("2027-04-02", "ads_y", a.asin)).toBe(1);
    expect(count("2027-04-02", "ads_x", b.asin)).toBe(1);
    expect(await seller.admin.marketing.stats({ from: "2027-04-01", to: "2027-04-02", refTag: "ads_y" })).toHaveLength(1);
    const other = await api.newSeller();
    expect(await other.admin.marketing.stats({ from: "2027-04-01", to: "2027-04-02" })).toEqual([]);
  });

  it("gives each browser behind one office address an ID of its own after the day of its cookieless visit", async () => {
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct());
    const office = "192.0.2.10";
    const first = cookieOf(await click(product.asin, "ads_office", null, "2027-06-01T09:00:00.000Z", office));
    const second = cookieOf(await click(product.asin, "ads_office", null, "2027-06-01T10:00:00.000Z", office));
    // The same day, the day's hash is all that tells them apart: one visitor, as without cookies.
    expect(first).toMatch(/^h_/);
    expect(second).toBe(first);
    expect(cookieOf(await click(product.asin, "ads_office", first, "2027-06-01T11:00:00.000Z", office))).toBeNull();
    const ownA = cookieOf(await click(product.asin, "ads_office", first, "2027-06-02T09:00:00.000Z", office));
    const ownB = cookieOf(await click(product.asin, "ads_office", second, "2027-06-02T09:05:00.000Z", office));
    expect(ownA).toMatch(/^v_/);
    expect(ownB).toMatch(/^v_/);
    expect(ownA).not.toBe(ownB);
    expect(cookieOf(await click(product.asin, "ads_office", ownA, "2027-06-02T10:00:00.000Z", office))).toBeNull();
    const stats = await seller.admin.marketing.stats({ from: "2027-06-01", to: "2027-06-02" });
    expect(stats.map((s) => [s.day, s.clicks])).toEqual([
      ["2027-06-01", 1],
      ["2027-06-02", 2],
    ]);
  });

  it("looks a product up once however many ask, and answers from the cache while the database is down", async () => {
    const own = await createTestApi(dialect);
    const product = await (await own.newSeller()).admin.products.create(sampleProduct());
    // Lookups answered, counted as they come back; and a switch that makes every query fail.
    let selects = 0;
    let databaseDown = false;
    const selectIds = new WeakSet<object>();
    const counted = own.deps.db.withPlugin({
      transformQuery: (args) => {
        if (databaseDown) throw new Error("connection refused");
        if (args.node.kind === "SelectQueryNode") selectIds.add(args.queryId);
        return args.node;
      },
      transformResult: async (args) => {
        if (selectIds.has(args.queryId)) selects += 1;
        return args.result;
      },
    });
    const logged: Record<string, unknown>[] = [];
    const ownTracker = createClickTracker({ db: counted, writer: createClickWriter(own.database) }, own.clock, {
      marketplaceUrl: own.deps.config.marketplaceUrl,
      flushIntervalMs: 60_000,
      log: (entry) => logged.push(entry),
    });
    const hit = { asin: product.asin, refTag: "ads_cache", verdict: "bot" as const, cookie: null, attributionId: null, address: "203.0.113.5", userAgent: browser };
    try {
      own.clock.set("2027-07-01T09:00:00.000Z");
      const first = await Promise.all(Array.from({ length: 50 }, () => ownTracker.track(hit)));
      expect(first.every((result) => result.kind === "redirect")).toBe(true);
      expect(selects).toBe(2);

      // Expired: every request is answered from the cache at once, and one lookup refreshes it.
      own.clock.set("2027-07-01T09:00:31.000Z");
      const expired = Array.from({ length: 50 }, () => ownTracker.trackNow(hit));
      expect(expired.every((result) => result?.kind === "redirect")).toBe(true);
      await expect.poll(() => selects).toBe(3);

      databaseDown = true;
      own.clock.set("2027-07-01T09:01:02.000Z");
      expect(ownTracker.trackNow(hit)?.kind).toBe("redirect");
      expect((await ownTracker.track(hit)).kind).toBe("redirect");
      await expect.poll(() => logged).toEqual([expect.objectContaining({ level: "error", operation: "findProductOwnerByAsin", asin: product.asin })]);

      // Midnight, still down: no salt for the new day. A visitor with a cookie is counted as ever;
      // one known only by its hash is sent on, uncounted, rather than answered with an error.
      own.clock.set("2027-07-02T00:00:05.000Z");
      const visitor = { ...hit, verdict: "count" as const };
      expect(await ownTracker.track({ ...visitor, cookie: "cookie-visitor-000009" })).toMatchObject({ kind: "redirect" });
      expect(ownTracker.pending()).toBe(1);
      expect(await ownTracker.track(visitor)).toMatchObject({ kind: "redirect", visitorId: null, refreshCookie: false });
      expect(ownTracker.pending()).toBe(1);
      expect(logged.map((entry) => entry.operation)).toContain("dailySalt");
    } finally {
      await ownTracker.close();
      await own.close();
    }
  });

  it("credits an offer to the click a browser made under its hash before it got an ID of its own", async () => {
    const seller = await api.newSeller();
    const [a, b] = [await seller.admin.products.create(sampleProduct()), await seller.admin.products.create(sampleProduct())];
    const hash = cookieOf(await click(a.asin, "ads_first", null, "2027-03-10T09:00:00.000Z", "192.0.2.44"));
    const own = cookieOf(await click(b.asin, "ads_other", hash, "2027-03-12T09:00:00.000Z", "192.0.2.44"));
    expect(own).toMatch(/^v_/);
    api.clock.set("2027-03-14T12:00:00.000Z");
    await acceptInBrowser(seller, a.id, "444444444444", own);
    const stats = await seller.admin.marketing.stats({ from: "2027-03-14", to: "2027-03-14" });
    expect(stats).toEqual([{ day: "2027-03-14", refTag: "ads_first", asin: a.asin, clicks: 0, conversions: 1 }]);
  });

  it("sets a returning visitor's cookie again with the day's first click on a link, so its 30 days run from the latest click", async () => {
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct());
    const returning = "returning-visitor-0001";
    const cookieSet = async (at: string) => cookieOf(await click(product.asin, "ads_again", returning, at));
    expect(await cookieSet("2027-08-01T09:00:00.000Z")).toBe(returning);
    expect(await cookieSet("2027-08-01T10:00:00.000Z")).toBeNull();
    expect(await cookieSet("2027-08-26T09:00:00.000Z")).toBe(returning);
  });

  it("queues a returning visitor's click once a day, per product and tag, and again the next day", async () => {
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct());
    const visit = async (refTag: string, at: string) => {
      api.clock.set(at);
      const before = tracker.pending();
      await tracker.track({ asin: product.asin, refTag, verdict: "count", cookie: "visitor-returning-0001", attributionId: null, address: "203.0.113.9", userAgent: browser });
      return tracker.pending() - before;
    };
    expect(await visit("ads_r", "2027-05-01T09:00:00.000Z")).toBe(1);
    // Five minutes on: the product has been looked up again since, and its links kept.
    expect(await visit("ads_r", "2027-05-01T09:05:00.000Z")).toBe(0);
    expect(await visit("ads_s", "2027-05-01T09:06:00.000Z")).toBe(1);
    expect(await visit("ads_r", "2027-05-02T08:00:00.000Z")).toBe(1);
    await tracker.flush();
    const stats = await seller.admin.marketing.stats({ from: "2027-05-01", to: "2027-05-02" });
    expect(stats.map((s) => [s.day, s.refTag, s.clicks])).toEqual([
      ["2027-05-01", "ads_r", 1],
      ["2027-05-01", "ads_s", 1],
      ["2027-05-02", "ads_r", 1],
    ]);
  });

  it("remembers sixteen links per visitor at most: past them, clicks are queued for the database to sort out", async () => {
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct());
    api.clock.set("2027-05-03T09:00:00.000Z");
    const queuedPerRound: number[] = [];
    for (let round = 0; round < 2; round += 1) {
      const before = tracker.pending();
      for (let tag = 0; tag < 20; tag += 1) {
        await tracker.track({ asin: product.asin, refTag: `ads_many_${tag}`, verdict: "count", cookie: "visitor-many-links-01", attributionId: null, address: "203.0.113.10", userAgent: browser });
      }
      queuedPerRound.push(tracker.pending() - before);
    }
    expect(queuedPerRound).toEqual([20, 4]);
    await tracker.flush();
    const stats = await seller.admin.marketing.stats({ from: "2027-05-03", to: "2027-05-03" });
    expect(stats.map((s) => s.clicks)).toEqual(Array.from({ length: 20 }, () => 1));
  });

  it("does not count bots or prefetches, and sets no cookie for no-track", async () => {
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct());
    api.clock.set("2027-04-05T09:00:00.000Z");
    for (const verdict of ["bot", "prefetch", "no-track"] as const) {
      const result = await tracker.track({ asin: product.asin, refTag: "ads_b", verdict, cookie: null, attributionId: null, address: "203.0.113.9", userAgent: "x" });
      expect(result).toMatchObject({ kind: "redirect", visitorId: null, refreshCookie: false });
    }
    await tracker.flush();
    expect(await seller.admin.marketing.stats({ from: "2027-04-05", to: "2027-04-05" })).toEqual([]);
  });

  it("credits an accepted offer to the visitor's latest click within 30 days", async () => {
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct());
    const eula = await uploadSamplePdf(seller.admin, 1, seller.sellerId);
    await click(product.asin, "ads_old", VISITOR, "2027-02-01T09:00:00.000Z");
    await click(product.asin, "acme_ptnr_q1", VISITOR, "2027-02-20T09:00:00.000Z");
    api.clock.set("2027-03-01T12:00:00.000Z");
    const offer = await seller.admin.offers.send({ offerId: (await seller.admin.offers.create(completeOfferTerms(product.id, eula.sha256))).id });
    const buyer = await seller.buyer("012345678901");
    api.clock.set("2027-03-02T12:00:00.000Z");
    const agreement = await buyer.buyer.offers.accept({ offerId: offer.id, attributionId: VISITOR });
    const stats = await seller.admin.marketing.stats({ from: "2027-03-02", to: "2027-03-02" });
    expect(stats).toEqual([{ day: "2027-03-02", refTag: "acme_ptnr_q1", asin: product.asin, clicks: 0, conversions: 1 }]);

    // The seller's fulfilment flow reports the same sale by its agreement ID: estimates, not a second conversion.
    const sale = { asin: product.asin, attributionId: VISITOR, externalId: agreement.id, estimatedUsage: 40, estimatedRevenue: "990.25" };
    const elsewhere = await seller.admin.products.create(sampleProduct());
    expect((await failure(seller.admin.marketing.recordConversion({ ...sale, asin: elsewhere.asin, estimatedRevenue: "5" }))).code).toBe("IDEMPOTENCY_KEY_REUSED");
    const estimated = await seller.admin.marketing.recordConversion(sale);
    expect(estimated).toMatchObject({ attributed: true, conversion: { source: "offer", refTag: "acme_ptnr_q1", estimatedUsage: 40, estimatedRevenue: "990.25" } });
    expect(await seller.admin.marketing.recordConversion({ ...sale, estimatedRevenue: "1" })).toEqual(estimated);
    // The subscription the acceptance made names the same sale.
    const [subscription] = await buyer.buyer.subscriptions.list();
    expect(subscription?.offerId).toBe(offer.id);
    expect(await seller.admin.marketing.recordConversion({ ...sale, externalId: subscription?.id ?? "" })).toEqual(estimated);
    expect(await seller.admin.marketing.stats({ from: "2027-03-02", to: "2027-03-02" })).toEqual(stats);
    const other = await api.newSeller();
    const theirs = await other.admin.products.create(sampleProduct());
    expect(await other.admin.marketing.recordConversion({ ...sale, asin: theirs.asin })).toEqual({ attributed: false, conversion: null });
  });

  it("credits an acceptance through the tracking cookie, and none without a click", async () => {
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct());
    await click(product.asin, "ads_cookie", "cookie-visitor-0000001", "2027-03-01T08:00:00.000Z");
    api.clock.set("2027-03-01T12:00:00.000Z");
    await acceptInBrowser(seller, product.id, "111111111111", "cookie-visitor-0000001");
    await acceptInBrowser(seller, product.id, "222222222222", null, "never-clicked-000000");
    const stats = await seller.admin.marketing.stats({ from: "2027-03-01", to: "2027-03-01" });
    expect(stats).toEqual([{ day: "2027-03-01", refTag: "ads_cookie", asin: product.asin, clicks: 1, conversions: 1 }]);
  });

  it("falls back to the cookie's click when the attribution ID passed on acceptance names none", async () => {
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct());
    await click(product.asin, "ads_fallback", "cookie-visitor-0000002", "2027-03-02T08:00:00.000Z");
    api.clock.set("2027-03-02T12:00:00.000Z");
    await acceptInBrowser(seller, product.id, "333333333333", "cookie-visitor-0000002", "made-on-the-page-0001");
    const stats = await seller.admin.marketing.stats({ from: "2027-03-02", to: "2027-03-02" });
    expect(stats).toEqual([{ day: "2027-03-02", refTag: "ads_fallback", asin: product.asin, clicks: 1, conversions: 1 }]);
  });

  it("records the seller's own conversions once, with usage and revenue", async () => {
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct());
    await click(product.asin, "ads_api", VISITOR, "2027-05-01T09:00:00.000Z");
    api.clock.set("2027-05-03T10:00:00.000Z");
    const input = { asin: product.asin, attributionId: VISITOR, externalId: "order-42", estimatedUsage: 120, estimatedRevenue: "1250.5" };
    const first = await seller.admin.marketing.recordConversion(input);
    expect(first).toMatchObject({ attributed: true, conversion: { refTag: "ads_api", clickDay: "2027-05-01", estimatedUsage: 120, estimatedRevenue: "1250.50", source: "api" } });
    expect(await seller.admin.marketing.recordConversion({ ...input, estimatedUsage: 999 })).toEqual(first);
    expect(await seller.admin.marketing.recordConversion({ ...input, externalId: "order-43", attributionId: "stranger-0000000000" })).toEqual({
      attributed: false,
      conversion: null,
    });
    api.clock.set("2027-06-05T10:00:00.000Z");
    expect((await seller.admin.marketing.recordConversion({ ...input, externalId: "order-44" })).attributed).toBe(false);
    const reader = await seller.keyWith("marketing:read");
    expect((await failure(reader.marketing.recordConversion({ ...input, externalId: "order-45" }))).code).toBe("FORBIDDEN");
    expect((await failure(seller.admin.marketing.recordConversion({ ...input, estimatedRevenue: 12.5 as never }))).paths).toEqual(["estimatedRevenue"]);
    expect((await failure(seller.admin.marketing.recordConversion({ ...input, externalId: "order-46", estimatedRevenue: "1000000000" }))).paths).toEqual(["estimatedRevenue"]);
    api.clock.set("2027-05-03T11:00:00.000Z");
    const largest = await seller.admin.marketing.recordConversion({ ...input, externalId: "order-47", estimatedRevenue: "999999999.999999" });
    expect(largest.conversion?.estimatedRevenue).toBe("999999999.999999");
  });

  it("refuses an order's external ID again for another product, rather than answer with the first product's conversion", async () => {
    const seller = await api.newSeller();
    const [a, b] = [await seller.admin.products.create(sampleProduct()), await seller.admin.products.create(sampleProduct())];
    await click(a.asin, "ads_order", VISITOR, "2027-05-10T09:00:00.000Z");
    await click(b.asin, "ads_order", VISITOR, "2027-05-10T09:01:00.000Z");
    api.clock.set("2027-05-10T10:00:00.000Z");
    const order = { attributionId: VISITOR, externalId: "order-7" };
    expect((await seller.admin.marketing.recordConversion({ ...order, asin: a.asin })).attributed).toBe(true);
    const reused = await failure(seller.admin.marketing.recordConversion({ ...order, asin: b.asin }));
    expect(reused).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", paths: ["externalId"] });
    expect((await seller.admin.marketing.recordConversion({ ...order, externalId: `order-7:${b.asin}`, asin: b.asin })).conversion?.asin).toBe(b.asin);
  });
});
