import { testDialects } from "@offerkit/db/testing";
import { insertClicks, insertConversion } from "@offerkit/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "../test-helpers";
import { createTestApi, sampleProduct } from "../testing";

describe.each(testDialects())("ref-tag reports on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let seller: Awaited<ReturnType<typeof api.newSeller>>;
  let one: { id: string; asin: string };
  let two: { id: string; asin: string };

  beforeAll(async () => {
    api = await createTestApi(dialect);
    seller = await api.newSeller();
    one = await seller.admin.products.create(sampleProduct({ title: "Analytics, Pro" }));
    two = await seller.admin.products.create(sampleProduct({ title: "=cmd|' /C calc'!A0" }));
    const clicks = [
      // 2027-03-09 is the day before the daily report of 2027-03-10.
      [one, "ads_google_q1", "v1", "2027-03-09"],
      [one, "ads_google_q1", "v2", "2027-03-09"],
      [one, "ads_google_q1", "v3", "2027-03-09"],
      [two, "ads_google_q1", "v1", "2027-03-09"],
      [one, "vdr_rf", "v4", "2027-03-09"],
      [one, "acme_ptnr_launch", "v5", "2027-03-05"],
      [one, "acme_ptnr_launch", "v6", "2027-03-03"],
      // Outside the weekly window of 2027-03-10 (2027-03-03 .. 2027-03-09).
      [one, "ads_google_q1", "v7", "2027-03-02"],
      [one, "ads_google_q1", "v8", "2027-03-10"],
    ] as const;
    await insertClicks(
      api.deps.db,
      clicks.map(([product, refTag, sessionKey, day]) => ({
        asin: product.asin,
        refTag,
        sessionKey,
        day,
        clickedAt: `${day}T12:00:00.000Z`,
      })),
    );
    const conversion = (id: string, product: typeof one, refTag: string, clickDay: string, at: string, usage: number, micros: bigint) =>
      insertConversion(api.deps.db, {
        id,
        sellerId: seller.sellerId,
        productId: product.id,
        asin: product.asin,
        refTag,
        clickDay,
        sessionKey: id,
        source: "api",
        externalId: id,
        estimatedUsage: usage,
        estimatedRevenueMicros: micros,
        convertedAt: at,
      });
    await conversion("c1", one, "ads_google_q1", "2027-03-09", "2027-03-09T15:00:00.000Z", 100, 1_250_500_000n);
    await conversion("c2", one, "ads_google_q1", "2027-03-08", "2027-03-09T23:59:59.999Z", 20, 99_990_000n);
    // Made on the day of the reports below, after the periods they cover: in neither.
    await conversion("c3", one, "acme_ptnr_launch", "2027-03-05", "2027-03-10T00:00:00.000Z", 5, 1n);
    api.clock.set("2027-03-10T08:00:00.000Z");
  });
  afterAll(async () => api.close());

  it("writes the daily breakdown for the day before, exactly", async () => {
    const report = await seller.admin.reports.daily({ date: "2027-03-10" });
    expect(report).toMatchObject({ available: true, fileName: "reftag_daily_breakdown_report_2027-03-10.csv", period: { from: "2027-03-09", to: "2027-03-09" } });
    if (!report.available) return;
    expect(report.csv).toBe(
      [
        "Date,Ref Tag,ASIN,Product,Clicks,Conversions,Estimated Usage,Estimated Revenue (USD)",
        `2027-03-09,ads_google_q1,${one.asin},"Analytics, Pro",3,2,120,1350.49`,
        `2027-03-09,ads_google_q1,${two.asin},'=cmd|' /C calc'!A0,1,0,0,0.00`,
        `2027-03-09,vdr_rf,${one.asin},"Analytics, Pro",1,0,0,0.00`,
        "",
      ].join("\r\n"),
    );
  });

  it("writes the weekly report per online-ad or partner tag and product, stating its period on each row", async () => {
    const report = await seller.admin.reports.weekly({ date: "2027-03-10" });
    expect(report).toMatchObject({ available: true, fileName: "weekly_reftag_report_2027-03-10.csv", period: { from: "2027-03-03", to: "2027-03-09" }, rows: 3 });
    if (!report.available) return;
    expect(report.csv).toBe(
      [
        "Period Start,Period End,Ref Tag,ASIN,Clicks,Conversions",
        `2027-03-03,2027-03-09,acme_ptnr_launch,${one.asin},2,0`,
        `2027-03-03,2027-03-09,ads_google_q1,${one.asin},3,2`,
        `2027-03-03,2027-03-09,ads_google_q1,${two.asin},1,0`,
        "",
      ].join("\r\n"),
    );
  });

  it("makes no report for a period without activity, and says so", async () => {
    const daily = await seller.admin.reports.daily({ date: "2027-01-01" });
    expect(daily).toEqual({
      available: false,
      fileName: "reftag_daily_breakdown_report_2027-01-01.csv",
      period: { from: "2026-12-31", to: "2026-12-31" },
      reason: "No clicks or conversions on 2026-12-31: no report",
    });
    expect((await seller.admin.reports.weekly({ date: "2027-01-01" })).available).toBe(false);
  });

  it("makes no report dated after today, whose period has not ended", async () => {
    expect(await seller.admin.reports.daily({ date: "2027-03-11" })).toEqual({
      available: false,
      fileName: "reftag_daily_breakdown_report_2027-03-11.csv",
      period: { from: "2027-03-10", to: "2027-03-10" },
      reason: "The report of 2027-03-11 is made on that day (UTC); today is 2027-03-10",
    });
    expect((await seller.admin.reports.weekly({ date: "2027-03-11" })).available).toBe(false);
    api.clock.set("2027-03-11T00:00:00.000Z");
    expect((await seller.admin.reports.daily({ date: "2027-03-11" })).available).toBe(true);
    api.clock.set("2027-03-10T08:00:00.000Z");
  });

  it("shows a seller only its own numbers, to marketing:read keys", async () => {
    const other = await api.newSeller();
    expect((await other.admin.reports.daily({ date: "2027-03-10" })).available).toBe(false);
    const offersOnly = await seller.keyWith("offers:read");
    expect((await failure(offersOnly.reports.daily({ date: "2027-03-10" }))).code).toBe("FORBIDDEN");
    expect((await failure(seller.admin.reports.daily({ date: "2027-02-30" }))).paths).toEqual(["date"]);
  });
});
