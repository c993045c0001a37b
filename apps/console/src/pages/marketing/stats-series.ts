import type { DailyStat } from "@offerkit/sdk";
import { daysFrom } from "./utc-days";

export interface DayTotal {
  day: string;
  clicks: number;
  conversions: number;
}

/** The ref tags that had any activity, alphabetically. */
export function tagsOf(stats: DailyStat[]): string[] {
  return [...new Set(stats.map((stat) => stat.refTag))].sort();
}

/** Clicks and conversions of each day of the range (zero on quiet days), over one tag or all. */
export function dailyTotals(stats: DailyStat[], from: string, to: string, refTag: string): DayTotal[] {
  const totals = new Map(daysFrom(from, to).map((day) => [day, { day, clicks: 0, conversions: 0 }]));
  for (const stat of stats) {
    if (refTag && stat.refTag !== refTag) continue;
    const total = totals.get(stat.day);
    if (!total) continue;
    total.clicks += stat.clicks;
    total.conversions += stat.conversions;
  }
  return [...totals.values()];
}

/** The rows with activity, by day, then tag, then product. */
export function activeRows(stats: DailyStat[], refTag: string): DailyStat[] {
  return stats
    .filter((stat) => (!refTag || stat.refTag === refTag) && (stat.clicks > 0 || stat.conversions > 0))
    .sort((a, b) => a.day.localeCompare(b.day) || a.refTag.localeCompare(b.refTag) || a.asin.localeCompare(b.asin));
}
