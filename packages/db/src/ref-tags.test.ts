import { isWeeklyReportTag } from "@offerkit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dailyBreakdown,
  dailySalt,
  findLatestClick,
  insertClicks,
  insertConversion,
  insertSeller,
  weeklyTagTotals,
  type ClickRecord,
} from "./index";
import { insertFreeProduct, openTestDatabase, testDialects, type TestDatabase } from "./testing";

const at = "2027-01-01T00:00:00.000Z";

describe.each(testDialects())("clicks and reports on %s", (dialect) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    for (const seller of ["s1", "s2"]) {
      await insertSeller(handle.db, { id: seller, name: seller, dataSharingEnrolled: true, createdAt: at });
    }
    await insertFreeProduct(handle.db, { sellerId: "s1", asin: "B000000001", id: "prod-one", title: 'One, "the" product' });
  });
  afterAll(async () => handle.close());

  const click = (overrides: Partial<ClickRecord>): ClickRecord => ({
    asin: "B000000001",
    refTag: "ads_q3",
    sessionKey: "v1",
    day: "2027-03-01",
    clickedAt: "2027-03-01T10:00:00.000Z",
    ...overrides,
  });

  it("keeps one click per session, day, tag and product, in one batch or many", async () => {
    expect(await insertClicks(handle.db, [click({}), click({}), click({ clickedAt: "2027-03-01T11:00:00.000Z" })])).toBe(1);
    expect(await insertClicks(handle.db, [click({})])).toBe(0);
    expect(
      await insertClicks(handle.db, [
        click({ day: "2027-03-02", clickedAt: "2027-03-02T09:00:00.000Z" }),
        click({ refTag: "xads_q3" }),
        click({ refTag: "acme_ptnr_x" }),
        click({ refTag: "adsx" }),
        click({ sessionKey: "v2" }),
      ]),
    ).toBe(5);
  });

  it("aggregates the daily breakdown and the weekly tags with `_` matched literally", async () => {
    await insertConversion(handle.db, {
      id: "conv-1",
      sellerId: "s1",
      productId: "prod-one",
      asin: "B000000001",
      refTag: "ads_q3",
      clickDay: "2027-03-01",
      sessionKey: "v1",
      source: "api",
      externalId: "order-1",
      estimatedUsage: 40,
      estimatedRevenueMicros: 12_500_000n,
      convertedAt: "2027-03-01T12:00:00.000Z",
    });
    const again = await insertConversion(handle.db, {
      id: "conv-2",
      sellerId: "s1",
      productId: "prod-one",
      asin: "B000000001",
      refTag: "ads_q3",
      clickDay: "2027-03-01",
      sessionKey: "v1",
      source: "api",
      externalId: "order-1",
      estimatedUsage: 99,
      estimatedRevenueMicros: 1n,
      convertedAt: "2027-03-01T13:00:00.000Z",
    });
    expect(again.id).toBe("conv-1");
    const daily = await dailyBreakdown(handle.db, "s1", "2027-03-01");
    expect(daily.map((row) => [row.refTag, row.clicks, row.conversions])).toEqual([
      ["acme_ptnr_x", 1, 0],
      ["ads_q3", 2, 1],
      ["adsx", 1, 0],
      ["xads_q3", 1, 0],
    ]);
    expect(daily[1]).toMatchObject({ estimatedUsage: 40n, estimatedRevenueMicros: 12_500_000n, productTitle: 'One, "the" product' });
    expect(await weeklyTagTotals(handle.db, "s1", "2027-02-23", "2027-03-01")).toEqual([
      { refTag: "acme_ptnr_x", asin: "B000000001", clicks: 1, conversions: 0 },
      { refTag: "ads_q3", asin: "B000000001", clicks: 2, conversions: 1 },
    ]);
    expect(await dailyBreakdown(handle.db, "s2", "2027-03-01")).toEqual([]);
  });

  it("keeps the weekly tags case-sensitive, and counts only the conversions made by the period's end", async () => {
    const day = "2027-04-01";
    const clickedAt = `${day}T10:00:00.000Z`;
    await insertClicks(handle.db, [
      ...["ADS_q3", "Ads_x", "acme_PTNR_x", "ads_q3", "acme_ptnr_x"].map((refTag) => click({ refTag, sessionKey: "w1", day, clickedAt })),
      click({ refTag: "ads_q3", sessionKey: "w2", day, clickedAt }),
    ]);
    const conversion = (id: string, sessionKey: string, convertedAt: string) =>
      insertConversion(handle.db, {
        id,
        sellerId: "s1",
        productId: "prod-one",
        asin: "B000000001",
        refTag: "ads_q3",
        clickDay: day,
        sessionKey,
        source: "api",
        externalId: id,
        estimatedUsage: 0,
        estimatedRevenueMicros: 0n,
        convertedAt,
      });
    await conversion("in-period", "w1", `${day}T23:59:59.999Z`);
    await conversion("next-day", "w2", "2027-04-02T00:00:00.000Z");
    expect(await weeklyTagTotals(handle.db, "s1", "2027-03-26", day)).toEqual([
      { refTag: "acme_ptnr_x", asin: "B000000001", clicks: 1, conversions: 0 },
      { refTag: "ads_q3", asin: "B000000001", clicks: 2, conversions: 1 },
    ]);
  });

  it("picks the weekly report's tags in SQL exactly as core's isWeeklyReportTag does", async () => {
    const tags = [
      "ads_q3", "ads_", "ADS_q3", "Ads_q3", "ads", "adsq3", "xads_q3", "ads__x",
      "acme_ptnr_launch", "_ptnr_", "_ptnr_x", "x_ptnr_", "acme_PTNR_x", "acme_ptnr", "ptnr_acme", "acmeptnrx",
      "vdr_rf", "a_ptnr_ads_", "ads_ptnr_", "_", "a", "x".repeat(50),
    ];
    await insertSeller(handle.db, { id: "s-tags", name: "tags", dataSharingEnrolled: true, createdAt: at });
    await insertFreeProduct(handle.db, { sellerId: "s-tags", asin: "B0TAGS0001", id: "prod-tags", title: "Tags" });
    await insertClicks(handle.db, tags.map((refTag) => click({ asin: "B0TAGS0001", refTag, sessionKey: "tags-visitor", day: "2027-06-01", clickedAt: "2027-06-01T10:00:00.000Z" })));
    const inReport = (await weeklyTagTotals(handle.db, "s-tags", "2027-06-01", "2027-06-01")).map((row) => row.refTag);
    expect(inReport.sort()).toEqual(tags.filter(isWeeklyReportTag).sort());
    expect(inReport.length).toBeGreaterThan(5);
    expect(inReport.length).toBeLessThan(tags.length - 5);
  });

  it("sums a day's revenue exactly past 2^53 micro-dollars", async () => {
    const day = "2027-04-05";
    await insertClicks(handle.db, [click({ refTag: "ads_big", sessionKey: "w3", day, clickedAt: `${day}T08:00:00.000Z` })]);
    for (let n = 0; n < 10; n += 1) {
      await insertConversion(handle.db, {
        id: `big-${n}`,
        sellerId: "s1",
        productId: "prod-one",
        asin: "B000000001",
        refTag: "ads_big",
        clickDay: day,
        sessionKey: "w3",
        source: "api",
        externalId: `big-${n}`,
        estimatedUsage: 1e12,
        // Nine of 999 999 999.999999 dollars and one a micro-dollar less: an odd sum, which a
        // double near 10^16 (steps of 2) cannot hold.
        estimatedRevenueMicros: n === 0 ? 999_999_999_999_998n : 999_999_999_999_999n,
        convertedAt: `${day}T09:00:00.000Z`,
      });
    }
    const [row] = await dailyBreakdown(handle.db, "s1", day);
    expect(row).toMatchObject({ refTag: "ads_big", conversions: 10, estimatedUsage: 10_000_000_000_000n, estimatedRevenueMicros: 9_999_999_999_999_989n });
  });

  it("finds the latest click for attribution, within the window", async () => {
    const latest = await findLatestClick(handle.db, { sellerId: "s1", asin: "B000000001", sessionKey: "v1", since: "2027-02-01T00:00:00.000Z" });
    expect(latest?.day).toBe("2027-03-02");
    expect(await findLatestClick(handle.db, { sellerId: "s1", asin: "B000000001", sessionKey: "v1", since: "2027-03-03T00:00:00.000Z" })).toBeNull();
    expect(await findLatestClick(handle.db, { sellerId: "s2", asin: "B000000001", sessionKey: "v1", since: at })).toBeNull();
  });

  it("makes one salt a day, whoever asks first", async () => {
    const first = await dailySalt(handle.db, "2027-03-01", "salt-a");
    expect(await dailySalt(handle.db, "2027-03-01", "salt-b")).toBe(first);
  });
});
