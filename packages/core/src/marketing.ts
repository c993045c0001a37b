import { z } from "zod";
import { ATTRIBUTION_ID_PATTERN } from "./link-rules";
import { addDays, calendarDateSchema, utcDate } from "./dates";
import { asinSchema } from "./ids";
import { refTagSchema } from "./deep-links";

/**
 * Ties a visitor's click to a later purchase when no cookie can: the widget or SDK makes one,
 * puts it on the tracking link as `?aid=`, and passes it again when the visitor accepts or
 * subscribes.
 */
export const attributionIdSchema = z
  .string()
  .regex(ATTRIBUTION_ID_PATTERN, "An attribution ID is 16 to 64 letters, digits, _ or -")
  .describe("The visitor's attribution ID, as put on the tracking link (?aid=)");

/** Conversions are attributed to the visitor's latest click on the product within this window. */
export const ATTRIBUTION_WINDOW_DAYS = 30;

/**
 * An estimated revenue: USD as a decimal string with up to 6 decimals, stored as micro-dollars.
 * Below a billion dollars, so that one conversion's micro-dollars stay exact even where a
 * database driver reads integers as JavaScript numbers (up to 2^53).
 */
export const revenueSchema = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,6})?$/, "Estimated revenue is USD below 1000000000, as a decimal string with up to 6 decimals, e.g. \"1250.50\"");

export const recordConversionInputSchema = z.strictObject({
  asin: asinSchema,
  attributionId: attributionIdSchema,
  externalId: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9_.:-]+$/, "An external ID uses letters, digits and _ . : - only")
    .describe("Your order ID, or the agreement or subscription ID of a sale Offerkit counted: recording it again changes nothing"),
  estimatedUsage: z.number().int().min(0).max(1e12).default(0).describe("Estimated units of usage"),
  estimatedRevenue: revenueSchema.default("0"),
});
export type RecordConversionInput = z.input<typeof recordConversionInputSchema>;

export const MAX_STATS_DAYS = 366;

export const marketingStatsInputSchema = z
  .strictObject({
    from: calendarDateSchema.describe("First UTC day, inclusive"),
    to: calendarDateSchema.describe("Last UTC day, inclusive"),
    refTag: refTagSchema.optional(),
    asin: asinSchema.optional(),
  })
  .refine((range) => range.from <= range.to, { message: "`from` must not be after `to`", path: ["to"] })
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) < MAX_STATS_DAYS * 86_400_000, {
    message: `A range covers at most ${MAX_STATS_DAYS} days`,
    path: ["to"],
  });
export type MarketingStatsInput = z.input<typeof marketingStatsInputSchema>;

export const reportInputSchema = z.strictObject({
  date: calendarDateSchema.describe("The day the report is made (UTC); it covers the days before it"),
});

export interface DailyStat {
  day: string;
  refTag: string;
  asin: string;
  clicks: number;
  conversions: number;
}

export interface ConversionView {
  id: string;
  asin: string;
  refTag: string;
  clickDay: string;
  convertedAt: string;
  source: "offer" | "subscription" | "api";
  estimatedUsage: number;
  estimatedRevenue: string;
}

export interface RecordedConversion {
  /** False when no click of this visitor on this product in the last 30 days was found. */
  attributed: boolean;
  conversion: ConversionView | null;
}

export interface ReportPeriod {
  /** First UTC day covered, inclusive. */
  from: string;
  /** Last UTC day covered, inclusive. */
  to: string;
}

export type ReportResult =
  | { available: true; fileName: string; period: ReportPeriod; csv: string; rows: number }
  | { available: false; fileName: string; period: ReportPeriod; reason: string };

export function dailyReportFileName(date: string): string {
  return `reftag_daily_breakdown_report_${date}.csv`;
}

export function weeklyReportFileName(date: string): string {
  return `weekly_reftag_report_${date}.csv`;
}

/** The previous 24 hours of a report made on `date`: the whole UTC day before it. */
export function dailyReportPeriod(date: string): ReportPeriod {
  const day = utcDate(addDays(new Date(`${date}T00:00:00Z`), -1));
  return { from: day, to: day };
}

/** The last 7 days before a report made on `date`. */
export function weeklyReportPeriod(date: string): ReportPeriod {
  const start = new Date(`${date}T00:00:00Z`);
  return { from: utcDate(addDays(start, -7)), to: utcDate(addDays(start, -1)) };
}

/** Report names: what a download URL may ask for. */
export function parseReportFileName(name: string): { kind: "daily" | "weekly"; date: string } | null {
  const match = /^(reftag_daily_breakdown_report|weekly_reftag_report)_(\d{4}-\d{2}-\d{2})\.csv$/.exec(name);
  if (!match?.[2] || !calendarDateSchema.safeParse(match[2]).success) return null;
  return { kind: match[1] === "weekly_reftag_report" ? "weekly" : "daily", date: match[2] };
}
