import { createClickWriter } from "@offerkit/db";
import { testDialects } from "@offerkit/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, sampleProduct } from "../testing";
import { createClickTracker } from "./click-tracker";
import { BROWSER, createTrackerFixture } from "./tracker-fixture";

const VISITOR = "visitor-aaaaaaaaaaaaaaaa";

describe.each(testDialects())("the click tracker on %s", (dialect) => {
  let fixture: Awaited<ReturnType<typeof createTrackerFixture>>;
  let api: typeof fixture.api;
  let tracker: typeof fixture.tracker;
  let click: typeof fixture.click;
  let cookieOf: typeof fixture.cookieOf;
  beforeAll(async () => {
    fixture = await createTrackerFixture(dialect);
    ({ api, tracker, click, cookieOf } = fixture);
  });
  afterAll(async () => fixture.close());

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
    const hit = { asin: product.asin, refTag: "ads_cache", verdict: "bot" as const, cookie: null, attributionId: null, address: "203.0.113.5", userAgent: BROWSER };
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
      await tracker.track({ asin: product.asin, refTag, verdict: "count", cookie: "visitor-returning-0001", attributionId: null, address: "203.0.113.9", userAgent: BROWSER });
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
        await tracker.track({ asin: product.asin, refTag: `ads_many_${tag}`, verdict: "count", cookie: "visitor-many-links-01", attributionId: null, address: "203.0.113.10", userAgent: BROWSER });
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
});
