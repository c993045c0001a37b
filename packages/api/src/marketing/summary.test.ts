import { testDialects } from "@offerkit/db/testing";
import { insertClicks, insertConversion } from "@offerkit/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "../test-helpers";
import { createTestApi, sampleProduct } from "../testing";

describe.each(testDialects())("the marketing summary on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let seller: Awaited<ReturnType<typeof api.newSeller>>;
  let product: { id: string; asin: string };

  beforeAll(async () => {
    api = await createTestApi(dialect);
    seller = await api.newSeller();
    product = await seller.admin.products.create(sampleProduct());
    const clicks = [
      // This week, 2027-03-08 .. 2027-03-14, and the week before.
      ["ads_q1", "v1", "2027-03-08"],
      ["ads_q1", "v2", "2027-03-09"],
      ["ads_q1", "v3", "2027-03-14"],
      ["ads_q1", "v4", "2027-03-14"],
      ["vdr_rf", "v5", "2027-03-10"],
      ["ads_q1", "v6", "2027-03-01"],
      ["ads_q1", "v7", "2027-03-07"],
      ["acme_ptnr_x", "v8", "2027-03-02"],
      // Before both periods: in neither.
      ["ads_q1", "v9", "2027-02-28"],
    ] as const;
    await insertClicks(
      api.deps.db,
      clicks.map(([refTag, sessionKey, day]) => ({ asin: product.asin, refTag, sessionKey, day, clickedAt: `${day}T12:00:00.000Z` })),
    );
    const conversion = (id: string, refTag: string, at: string, micros: bigint) =>
      insertConversion(api.deps.db, {
        id,
        sellerId: seller.sellerId,
        productId: product.id,
        asin: product.asin,
        refTag,
        clickDay: at.slice(0, 10),
        sessionKey: id,
        source: "api",
        externalId: id,
        estimatedUsage: 1,
        estimatedRevenueMicros: micros,
        convertedAt: at,
      });
    await conversion("c1", "ads_q1", "2027-03-09T15:00:00.000Z", 1_250_500_000n);
    await conversion("c2", "ads_q1", "2027-03-14T23:59:59.999Z", 99_990_000n);
    await conversion("c3", "ads_q1", "2027-03-07T10:00:00.000Z", 500_000_000n);
  });
  afterAll(async () => api.close());

  it("gives per tag and product the rate, revenue and change against the week before, with totals", async () => {
    const summary = await seller.admin.marketing.summary({ from: "2027-03-08", to: "2027-03-14" });
    expect(summary.period).toEqual({ from: "2027-03-08", to: "2027-03-14" });
    expect(summary.previousPeriod).toEqual({ from: "2027-03-01", to: "2027-03-07" });
    expect(summary.rows.map((row) => [row.refTag, row.asin, row.clicks, row.conversions, row.conversionRate, row.estimatedRevenue, row.change.clicksPercent])).toEqual([
      ["ads_q1", product.asin, 4, 2, "50.0", "1350.49", "+100.0"],
      ["vdr_rf", product.asin, 1, 0, "0.0", "0.00", null],
      ["acme_ptnr_x", product.asin, 0, 0, null, "0.00", "-100.0"],
    ]);
    expect(summary.totals).toMatchObject({ clicks: 5, conversions: 2, conversionRate: "40.0", estimatedRevenue: "1350.49" });
    expect(summary.totals.previous).toEqual({ clicks: 3, conversions: 1, conversionRate: "33.3", estimatedRevenue: "500.00" });
    expect(summary.totals.change).toMatchObject({ clicks: 2, estimatedRevenue: "850.49", estimatedRevenuePercent: "+170.1" });
  });

  it("agrees with the daily numbers it sums", async () => {
    const days = await seller.admin.marketing.stats({ from: "2027-03-08", to: "2027-03-14" });
    const summary = await seller.admin.marketing.summary({ from: "2027-03-08", to: "2027-03-14" });
    expect(summary.totals.clicks).toBe(days.reduce((sum, day) => sum + day.clicks, 0));
    expect(summary.totals.conversions).toBe(days.reduce((sum, day) => sum + day.conversions, 0));
  });

  it("filters by tag, shows only the seller's own products, and names a bad range's field", async () => {
    const tagged = await seller.admin.marketing.summary({ from: "2027-03-08", to: "2027-03-14", refTag: "vdr_rf" });
    expect(tagged.rows.map((row) => row.refTag)).toEqual(["vdr_rf"]);
    const other = await api.newSeller();
    expect((await other.admin.marketing.summary({ from: "2027-03-08", to: "2027-03-14" })).rows).toEqual([]);
    expect((await failure(seller.admin.marketing.summary({ from: "2027-03-15", to: "2027-03-14" }))).paths).toEqual(["to"]);
  });
});
