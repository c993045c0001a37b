import type { TagProductTotals } from "@offerkit/core";
import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";

/**
 * Per ref tag and product over the UTC days `from` to `to`: clicks on those days, conversions
 * that happened on them and their estimated revenue, as `dailyStats` and the daily report count
 * them. Summed in the database; the revenue comes back as text, since SQLite's driver would read
 * a large sum of micro-dollars as a rounded JavaScript number.
 */
export async function tagProductTotals(
  db: Kysely<Database>,
  sellerId: string,
  filter: { from: string; to: string; refTag?: string | undefined; asin?: string | undefined },
): Promise<TagProductTotals[]> {
  const tag = filter.refTag === undefined ? sql`` : sql` and ref_tag = ${filter.refTag}`;
  const asin = filter.asin === undefined ? sql`` : sql` and asin = ${filter.asin}`;
  const { rows } = await sql<{ ref_tag: string; asin: string; clicks: number | string; conversions: number | string; revenue: number | string | null }>`
    select ref_tag, asin, sum(clicks) as clicks, sum(conversions) as conversions, cast(sum(revenue) as text) as revenue
    from (
      select ref_tag, asin, clicks, 0 as conversions, 0 as revenue
        from click_tags
        where day >= ${filter.from} and day <= ${filter.to}${tag}${asin}
          and asin in (select asin from products where seller_id = ${sellerId})
      union all
      select ref_tag, asin, 0, count(*), sum(estimated_revenue_micros)
        from conversions
        where seller_id = ${sellerId} and converted_at >= ${`${filter.from}T00:00:00.000Z`}
          and converted_at <= ${`${filter.to}T23:59:59.999Z`}${tag}${asin}
        group by ref_tag, asin
    ) t
    group by ref_tag, asin
    order by ref_tag, asin
  `.execute(db);
  return rows.map((row) => ({
    refTag: row.ref_tag,
    asin: row.asin,
    clicks: Number(row.clicks),
    conversions: Number(row.conversions),
    estimatedRevenueMicros: BigInt(row.revenue ?? 0),
  }));
}
