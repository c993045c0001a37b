import { addDays, utcDate } from "./dates";
import type { ReportPeriod } from "./marketing";
import { fromUnits } from "./money";

const UNITS_PER_MICRO = 100n;

/** One tag and product's numbers over a period, as the database sums them. */
export interface TagProductTotals {
  refTag: string;
  asin: string;
  clicks: number;
  conversions: number;
  /** Estimated revenue of those conversions, micro-dollars. */
  estimatedRevenueMicros: bigint;
}

export interface MarketingFigures {
  clicks: number;
  conversions: number;
  /** Conversions per 100 clicks, one decimal ("12.5"); null without clicks. */
  conversionRate: string | null;
  /** Estimated revenue, USD, exact ("1350.49"). */
  estimatedRevenue: string;
}

/** The current period against the previous one: differences, and percent changes. */
export interface MarketingChange {
  clicks: number;
  conversions: number;
  /** USD, signed ("-12.50"). */
  estimatedRevenue: string;
  /** Percent, one decimal, signed ("+25.0", "-100.0"); null when the previous period had none. */
  clicksPercent: string | null;
  conversionsPercent: string | null;
  estimatedRevenuePercent: string | null;
}

export interface MarketingSummaryRow extends MarketingFigures {
  refTag: string;
  asin: string;
  previous: MarketingFigures;
  change: MarketingChange;
}

export interface MarketingTotals extends MarketingFigures {
  previous: MarketingFigures;
  change: MarketingChange;
}

export interface MarketingSummary {
  period: ReportPeriod;
  /** The same number of days, ending the day before `period.from`. */
  previousPeriod: ReportPeriod;
  /** Per tag and product active in either period; most clicks first. */
  rows: MarketingSummaryRow[];
  totals: MarketingTotals;
}

/** The period of the same length just before `period`. */
export function previousPeriodOf(period: ReportPeriod): ReportPeriod {
  const from = new Date(`${period.from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${period.to}T00:00:00Z`) - from.getTime()) / 86_400_000) + 1;
  return { from: utcDate(addDays(from, -days)), to: utcDate(addDays(from, -1)) };
}

/**
 * `numerator / denominator` as a percentage with one decimal, rounded half away from zero, in
 * integers: a rate shown beside exact money should not carry a float's noise.
 */
function percent(numerator: bigint, denominator: bigint, signed: boolean): string | null {
  if (denominator === 0n) return null;
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const absolute = (numerator < 0n ? -numerator : numerator) * 2000n;
  const divisor = denominator < 0n ? -denominator : denominator;
  const tenths = (absolute / divisor + 1n) / 2n;
  const text = `${tenths / 10n}.${tenths % 10n}`;
  if (negative) return `-${text}`;
  return signed ? `+${text}` : text;
}

function figuresOf(totals: Omit<TagProductTotals, "refTag" | "asin">): MarketingFigures {
  return {
    clicks: totals.clicks,
    conversions: totals.conversions,
    conversionRate: percent(BigInt(totals.conversions), BigInt(totals.clicks), false),
    estimatedRevenue: fromUnits(totals.estimatedRevenueMicros * UNITS_PER_MICRO, 2),
  };
}

function changeOf(now: Omit<TagProductTotals, "refTag" | "asin">, before: Omit<TagProductTotals, "refTag" | "asin">): MarketingChange {
  const revenue = now.estimatedRevenueMicros - before.estimatedRevenueMicros;
  return {
    clicks: now.clicks - before.clicks,
    conversions: now.conversions - before.conversions,
    estimatedRevenue: fromUnits(revenue * UNITS_PER_MICRO, 2),
    clicksPercent: percent(BigInt(now.clicks - before.clicks), BigInt(before.clicks), true),
    conversionsPercent: percent(BigInt(now.conversions - before.conversions), BigInt(before.conversions), true),
    estimatedRevenuePercent: percent(revenue, before.estimatedRevenueMicros, true),
  };
}

const zero = { clicks: 0, conversions: 0, estimatedRevenueMicros: 0n };
const add = (a: typeof zero, b: typeof zero) => ({
  clicks: a.clicks + b.clicks,
  conversions: a.conversions + b.conversions,
  estimatedRevenueMicros: a.estimatedRevenueMicros + b.estimatedRevenueMicros,
});

/**
 * Per tag and product: clicks, conversions, conversion rate and estimated revenue, beside the
 * previous period's and the change, with totals; the numbers the console, API and SDK show.
 */
export function summarizeMarketing(period: ReportPeriod, current: readonly TagProductTotals[], previous: readonly TagProductTotals[]): MarketingSummary {
  const key = (row: TagProductTotals) => `${row.refTag}\u0000${row.asin}`;
  const before = new Map(previous.map((row) => [key(row), row]));
  const now = new Map(current.map((row) => [key(row), row]));
  const keys = [...new Set([...now.keys(), ...before.keys()])];
  let totalNow = zero;
  let totalBefore = zero;
  const rows = keys.map((id) => {
    const head = now.get(id) ?? before.get(id);
    const a = now.get(id) ?? zero;
    const b = before.get(id) ?? zero;
    totalNow = add(totalNow, a);
    totalBefore = add(totalBefore, b);
    return { refTag: head?.refTag ?? "", asin: head?.asin ?? "", ...figuresOf(a), previous: figuresOf(b), change: changeOf(a, b) };
  });
  rows.sort((x, y) => y.clicks - x.clicks || y.conversions - x.conversions || x.refTag.localeCompare(y.refTag) || x.asin.localeCompare(y.asin));
  return {
    period,
    previousPeriod: previousPeriodOf(period),
    rows,
    totals: { ...figuresOf(totalNow), previous: figuresOf(totalBefore), change: changeOf(totalNow, totalBefore) },
  };
}
