import { describe, expect, it } from "vitest";
import { previousPeriodOf, summarizeMarketing } from "./marketing-summary";

const ASIN = "B00635Y2IW";
const OTHER = "B0OTHER001";

describe("the marketing summary", () => {
  it("compares with the period of the same length just before", () => {
    expect(previousPeriodOf({ from: "2027-03-01", to: "2027-03-14" })).toEqual({ from: "2027-02-15", to: "2027-02-28" });
    expect(previousPeriodOf({ from: "2027-03-01", to: "2027-03-01" })).toEqual({ from: "2027-02-28", to: "2027-02-28" });
    expect(previousPeriodOf({ from: "2028-03-01", to: "2028-03-31" })).toEqual({ from: "2028-01-30", to: "2028-02-29" });
  });

  it("gives each tag and product its rate, revenue and change, and totals that add up", () => {
    const summary = summarizeMarketing(
      { from: "2027-03-01", to: "2027-03-07" },
      [
        { refTag: "ads_q1", asin: ASIN, clicks: 8, conversions: 1, estimatedRevenueMicros: 1_250_500_000n },
        { refTag: "vdr_rf", asin: ASIN, clicks: 3, conversions: 2, estimatedRevenueMicros: 100_010_000n },
      ],
      [
        { refTag: "ads_q1", asin: ASIN, clicks: 4, conversions: 1, estimatedRevenueMicros: 2_000_000_000n },
        { refTag: "acme_ptnr_x", asin: OTHER, clicks: 6, conversions: 0, estimatedRevenueMicros: 0n },
      ],
    );
    expect(summary.previousPeriod).toEqual({ from: "2027-02-22", to: "2027-02-28" });
    expect(summary.rows.map((row) => [row.refTag, row.clicks, row.conversionRate, row.estimatedRevenue])).toEqual([
      ["ads_q1", 8, "12.5", "1250.50"],
      ["vdr_rf", 3, "66.7", "100.01"],
      ["acme_ptnr_x", 0, null, "0.00"],
    ]);
    expect(summary.rows[0]?.change).toEqual({
      clicks: 4,
      conversions: 0,
      estimatedRevenue: "-749.50",
      clicksPercent: "+100.0",
      conversionsPercent: "+0.0",
      estimatedRevenuePercent: "-37.5",
    });
    expect(summary.rows[1]?.change).toMatchObject({ clicksPercent: null, estimatedRevenue: "100.01" });
    expect(summary.rows[2]?.change).toMatchObject({ clicks: -6, clicksPercent: "-100.0", conversionsPercent: null });
    expect(summary.totals).toMatchObject({ clicks: 11, conversions: 3, conversionRate: "27.3", estimatedRevenue: "1350.51" });
    expect(summary.totals.previous).toEqual({ clicks: 10, conversions: 1, conversionRate: "10.0", estimatedRevenue: "2000.00" });
    expect(summary.totals.change).toMatchObject({ clicks: 1, clicksPercent: "+10.0", estimatedRevenue: "-649.49", estimatedRevenuePercent: "-32.5" });
  });

  it("rounds a rate half away from zero, in integers", () => {
    const rate = (clicks: number, conversions: number) =>
      summarizeMarketing({ from: "2027-03-01", to: "2027-03-01" }, [{ refTag: "t", asin: ASIN, clicks, conversions, estimatedRevenueMicros: 0n }], []).totals.conversionRate;
    expect(rate(3, 1)).toBe("33.3");
    expect(rate(3, 2)).toBe("66.7");
    expect(rate(8, 1)).toBe("12.5");
    expect(rate(1000, 1)).toBe("0.1");
    expect(rate(2000, 1)).toBe("0.1");
    expect(rate(2001, 1)).toBe("0.0");
  });
});
