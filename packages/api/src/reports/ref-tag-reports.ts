import {
  dailyReportFileName,
  dailyReportPeriod,
  toCsv,
  utcDate,
  weeklyReportFileName,
  weeklyReportPeriod,
  type ReportPeriod,
  type ReportResult,
} from "@offerkit/core";
import { dailyBreakdown, weeklyTagTotals } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { fromMicros } from "../marketing/money-micros";

/** The first column is the UTC day the row covers: the file's name carries the day it was made, the day after. */
export const DAILY_REPORT_COLUMNS = ["Date", "Ref Tag", "ASIN", "Product", "Clicks", "Conversions", "Estimated Usage", "Estimated Revenue (USD)"];
export const WEEKLY_REPORT_COLUMNS = ["Period Start", "Period End", "Ref Tag", "ASIN", "Clicks", "Conversions"];

/**
 * A report is made on its date, over days that have ended: one dated later than today (UTC)
 * would show a period still going on, and change on every fetch.
 */
function notMadeYet(deps: Pick<ApiDeps, "clock">, fileName: string, period: ReportPeriod, date: string): ReportResult | null {
  const today = utcDate(deps.clock.now());
  return date > today ? { available: false, fileName, period, reason: `The report of ${date} is made on that day (UTC); today is ${today}` } : null;
}

/**
 * `reftag_daily_breakdown_report_<date>.csv`: for the UTC day before `date`, per ref tag and
 * product, clicks, conversions and the estimated usage and revenue of those conversions, each
 * row starting with the day it covers.
 */
export async function dailyRefTagReport(deps: Pick<ApiDeps, "db" | "clock">, sellerId: string, date: string): Promise<ReportResult> {
  const period = dailyReportPeriod(date);
  const fileName = dailyReportFileName(date);
  const early = notMadeYet(deps, fileName, period, date);
  if (early) return early;
  const rows = await dailyBreakdown(deps.db, sellerId, period.from);
  if (rows.length === 0) return { available: false, fileName, period, reason: `No clicks or conversions on ${period.from}: no report` };
  const csv = toCsv(
    DAILY_REPORT_COLUMNS,
    rows.map((row) => [period.from, row.refTag, row.asin, row.productTitle, row.clicks, row.conversions, row.estimatedUsage.toString(), fromMicros(row.estimatedRevenueMicros)]),
  );
  return { available: true, fileName, period, csv, rows: rows.length };
}

/**
 * `weekly_reftag_report_<date>.csv`: for the 7 UTC days before `date`, per online-ad (`ads_`)
 * or partner (`_ptnr_`) tag and product (ASIN), as the daily report is, clicks and the
 * conversions from those clicks; every row states the period it covers.
 */
export async function weeklyRefTagReport(deps: Pick<ApiDeps, "db" | "clock">, sellerId: string, date: string): Promise<ReportResult> {
  const period = weeklyReportPeriod(date);
  const fileName = weeklyReportFileName(date);
  const early = notMadeYet(deps, fileName, period, date);
  if (early) return early;
  const rows = await weeklyTagTotals(deps.db, sellerId, period.from, period.to);
  if (rows.length === 0) {
    return { available: false, fileName, period, reason: `No online-ad or partner clicks from ${period.from} to ${period.to}: no report` };
  }
  const csv = toCsv(WEEKLY_REPORT_COLUMNS, rows.map((row) => [period.from, period.to, row.refTag, row.asin, row.clicks, row.conversions]));
  return { available: true, fileName, period, csv, rows: rows.length };
}
