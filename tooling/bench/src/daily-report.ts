/**
 * The daily ref-tag report over 1 million and 10 million clicks of one day: seconds and peak
 * memory, each size in a fresh process so its peak is its own. The clicks are generated in
 * SQL, with the per-tag counts the click writer keeps (setup, not timed); the report is the
 * real service, which reads those counts. The baseline beside it counts the day's clicks
 * themselves, as the report did before the counts were kept.
 *
 *   pnpm --filter @offerkit/bench bench:daily-report
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSeller, dailyRefTagReport, randomIds } from "@offerkit/api";
import { migrateToLatest, openDatabase } from "@offerkit/db";
import { sql } from "kysely";
import { measureEachSizeAlone } from "./each-size";

const DAY = "2027-03-01";
const REPORT_DAY = "2027-03-02";
const TAGS = 50;
const PRODUCTS = 20;

async function measure(clicks: number) {
  const dataDir = mkdtempSync(join(tmpdir(), "offerkit-report-bench-"));
  const handle = openDatabase({ dataDir });
  try {
    await migrateToLatest(handle.db);
    // The report of a day is made the day after it: the clock stands on that day.
    const deps = { db: handle.db, clock: { now: () => new Date(`${REPORT_DAY}T06:00:00.000Z`) }, ids: randomIds };
    const { sellerId } = await createSeller(deps, { name: "bench", dataSharingEnrolled: true });
    for (let p = 0; p < PRODUCTS; p += 1) {
      const n = String(p).padStart(4, "0");
      await handle.db
        .insertInto("products")
        .values({
          id: `prod-bench${n}xx`,
          seller_id: sellerId,
          asin: `B0BENCH${n.slice(1)}`,
          marketplace_product_id: `00000000-0000-4000-8000-00000000${n}`,
          product_code: `benchcode${n}`,
          title: `Bench product ${p}`,
          description: "d",
          highlights: "[]",
          keywords: "[]",
          categories: "[]",
          pricing_model: "free",
          pricing: '{"model":"free","dimensions":[]}',
          created_at: "2027-01-01T00:00:00.000Z",
          updated_at: "2027-01-01T00:00:00.000Z",
        })
        .execute();
    }
    const setup = performance.now();
    await sql`
      with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < ${sql.lit(clicks)})
      insert into clicks (asin, ref_tag, session_key, day, clicked_at)
      select 'B0BENCH' || substr('000' || (i % ${sql.lit(PRODUCTS)}), -3), 'ads_tag_' || ((i / ${sql.lit(PRODUCTS)}) % ${sql.lit(TAGS)}),
             'visitor-' || i, ${DAY}, ${`${DAY}T12:00:00.000Z`}
      from n
    `.execute(handle.db);
    await sql`
      insert into click_tags (day, asin, ref_tag, clicks)
      select day, asin, ref_tag, count(*) from clicks group by day, asin, ref_tag
      on conflict (day, asin, ref_tag) do update set clicks = excluded.clicks
    `.execute(handle.db);
    const setupSeconds = (performance.now() - setup) / 1000;

    const counting = performance.now();
    await sql`select ref_tag, asin, count(*) as clicks from clicks where day = ${DAY} group by ref_tag, asin`.execute(handle.db);
    const countingSeconds = (performance.now() - counting) / 1000;

    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const report = await dailyRefTagReport(deps, sellerId, REPORT_DAY);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (!report.available || report.rows !== TAGS * PRODUCTS) throw new Error(`unexpected report: ${JSON.stringify(report).slice(0, 300)}`);
    return { clicks, seconds, countingSeconds, peakMb: peak / 1024 / 1024, growthMb: (peak - before) / 1024 / 1024, setupSeconds, rows: report.rows };
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const rows = await measureEachSizeAlone<{ clicks: number; seconds: number; countingSeconds: number; peakMb: number; growthMb: number; setupSeconds: number; rows: number }>(import.meta.filename, [1_000_000, 10_000_000], measure);
if (rows) {
  console.log(`\nDaily ref-tag report on SQLite: one day of clicks, ${TAGS} tags x ${PRODUCTS} products, one process per size\n`);
  console.log("| clicks that day | report seconds | baseline: counting the clicks, seconds | peak RSS MB | RSS growth during the report MB | report rows |");
  console.log("|---|---|---|---|---|---|");
  for (const row of rows) {
    console.log(`| ${row.clicks.toLocaleString("en-US")} | ${row.seconds.toFixed(4)} | ${row.countingSeconds.toFixed(2)} | ${row.peakMb.toFixed(0)} | ${row.growthMb.toFixed(1)} | ${row.rows} |`);
  }
}
