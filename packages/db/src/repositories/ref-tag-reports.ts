import { ONLINE_AD_TAG_PREFIX, PARTNER_TAG_MARK } from "@offerkit/core";
import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";

export interface DailyBreakdownRow {
  refTag: string;
  asin: string;
  productTitle: string;
  clicks: number;
  conversions: number;
  estimatedUsage: bigint;
  estimatedRevenueMicros: bigint;
}

export interface TagTotalsRow {
  refTag: string;
  asin: string;
  clicks: number;
  conversions: number;
}

export interface DayStatRow {
  day: string;
  refTag: string;
  asin: string;
  clicks: number;
  conversions: number;
}

// Core's `isWeeklyReportTag` in SQL, from core's own marks. Tags are case-sensitive (`ADS_x` is
// not an online-ad tag) and SQLite's LIKE ignores case (and reads `_` as a wildcard): plain
// string functions that both databases have, which compare exactly.
const onlineAdOrPartner = sql`(substr(ref_tag, 1, ${sql.lit(ONLINE_AD_TAG_PREFIX.length)}) = ${sql.lit(ONLINE_AD_TAG_PREFIX)} or replace(ref_tag, ${sql.lit(PARTNER_TAG_MARK)}, '') <> ref_tag)`;

/**
 * Per ref tag and product, for one UTC day: clicks that day (the counts the click writer keeps),
 * conversions that happened that day, their estimated usage and revenue. Grouped in the
 * database; memory and time stay flat however many clicks there are. The sums come back as text: SQLite's driver reads integers as
 * JavaScript numbers, which round a sum of micro-dollars past 2^53 (about 9 billion dollars).
 */
export async function dailyBreakdown(db: Kysely<Database>, sellerId: string, day: string): Promise<DailyBreakdownRow[]> {
  const from = `${day}T00:00:00.000Z`;
  const to = `${day}T23:59:59.999Z`;
  const { rows } = await sql<{
    ref_tag: string;
    asin: string;
    title: string;
    clicks: number | string;
    conversions: number | string;
    usage: number | string | null;
    revenue: number | string | null;
  }>`
    select t.ref_tag, t.asin, p.title,
           sum(t.clicks) as clicks, sum(t.conversions) as conversions,
           cast(sum(t.usage) as text) as usage, cast(sum(t.revenue) as text) as revenue
    from (
      select ref_tag, asin, clicks, 0 as conversions, 0 as usage, 0 as revenue
        from click_tags where day = ${day} and asin in (select asin from products where seller_id = ${sellerId})
      union all
      select ref_tag, asin, 0, count(*), sum(estimated_usage), sum(estimated_revenue_micros)
        from conversions where seller_id = ${sellerId} and converted_at >= ${from} and converted_at <= ${to}
        group by ref_tag, asin
    ) t
    join products p on p.asin = t.asin
    group by t.ref_tag, t.asin, p.title
    order by t.ref_tag, t.asin
  `.execute(db);
  return rows.map((row) => ({
    refTag: row.ref_tag,
    asin: row.asin,
    productTitle: row.title,
    clicks: Number(row.clicks),
    conversions: Number(row.conversions),
    estimatedUsage: BigInt(row.usage ?? 0),
    estimatedRevenueMicros: BigInt(row.revenue ?? 0),
  }));
}

/**
 * Per online-ad (`ads_`) and partner (`_ptnr_`) tag and product, over the days `from` to `to`:
 * the clicks, and the conversions credited to those clicks by the end of `to`, so that a report
 * made the day after reads the same whenever it is fetched again.
 */
export async function weeklyTagTotals(db: Kysely<Database>, sellerId: string, from: string, to: string): Promise<TagTotalsRow[]> {
  const { rows } = await sql<{ ref_tag: string; asin: string; clicks: number | string; conversions: number | string }>`
    select ref_tag, asin, sum(clicks) as clicks, sum(conversions) as conversions
    from (
      select ref_tag, asin, sum(clicks) as clicks, 0 as conversions
        from click_tags
        where day >= ${from} and day <= ${to} and ${onlineAdOrPartner}
          and asin in (select asin from products where seller_id = ${sellerId})
        group by ref_tag, asin
      union all
      select ref_tag, asin, 0, count(*)
        from conversions
        where seller_id = ${sellerId} and click_day >= ${from} and click_day <= ${to} and converted_at <= ${`${to}T23:59:59.999Z`}
          and ${onlineAdOrPartner}
        group by ref_tag, asin
    ) t
    group by ref_tag, asin
    order by ref_tag, asin
  `.execute(db);
  return rows.map((row) => ({ refTag: row.ref_tag, asin: row.asin, clicks: Number(row.clicks), conversions: Number(row.conversions) }));
}

/** Clicks and conversions per UTC day, tag and product, for dashboards. */
export async function dailyStats(
  db: Kysely<Database>,
  sellerId: string,
  filter: { from: string; to: string; refTag?: string | undefined; asin?: string | undefined },
): Promise<DayStatRow[]> {
  const tag = filter.refTag === undefined ? sql`` : sql` and ref_tag = ${filter.refTag}`;
  const asin = filter.asin === undefined ? sql`` : sql` and asin = ${filter.asin}`;
  const { rows } = await sql<{ day: string; ref_tag: string; asin: string; clicks: number | string; conversions: number | string }>`
    select day, ref_tag, asin, sum(clicks) as clicks, sum(conversions) as conversions
    from (
      select day, ref_tag, asin, clicks, 0 as conversions
        from click_tags
        where day >= ${filter.from} and day <= ${filter.to}${tag}${asin}
          and asin in (select asin from products where seller_id = ${sellerId})
      union all
      select substr(converted_at, 1, 10) as day, ref_tag, asin, 0, count(*)
        from conversions
        where seller_id = ${sellerId} and converted_at >= ${`${filter.from}T00:00:00.000Z`}
          and converted_at <= ${`${filter.to}T23:59:59.999Z`}${tag}${asin}
        group by substr(converted_at, 1, 10), ref_tag, asin
    ) t
    group by day, ref_tag, asin
    order by day, ref_tag, asin
  `.execute(db);
  return rows.map((row) => ({
    day: row.day,
    refTag: row.ref_tag,
    asin: row.asin,
    clicks: Number(row.clicks),
    conversions: Number(row.conversions),
  }));
}
