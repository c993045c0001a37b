/**
 * Eligibility lookups on the embedded default: 100 thousand then 1 million subscriptions
 * (two per account, ten hours of usage each: 1 and 10 million usage records), each size in a
 * fresh process and SQLite file. The data is generated in SQL (not timed); each lookup is the
 * real service, audit record included.
 *
 *   pnpm --filter @offerkit/bench bench:eligibility
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createContactCipher, createFileKeyStore, createKeyring, createSeller, lookupEligibility, randomIds, type Clock } from "@offerkit/api";
import { migrateToLatest, openDatabase } from "@offerkit/db";
import { sql } from "kysely";
import { measureEachSizeAlone } from "./each-size";
import { median, quantile } from "./stats";

const PRODUCTS = 20;
const HOURS_PER_SUBSCRIPTION = 10;
const LOOKUPS = 2000;
const NOW = new Date("2027-03-31T12:00:00.000Z");

async function measure(subscriptions: number) {
  const dataDir = mkdtempSync(join(tmpdir(), "offerkit-eligibility-bench-"));
  const handle = openDatabase({ dataDir });
  try {
    await migrateToLatest(handle.db);
    const clock: Clock = { now: () => new Date(NOW) };
    const deps = { db: handle.db, clock, ids: randomIds, cipher: createContactCipher({ keyring: createKeyring(randomBytes(32)), store: createFileKeyStore(join(dataDir, "contact-keys")) }) };
    const { sellerId, adminKey } = await createSeller(deps, { name: "bench", dataSharingEnrolled: true });
    const accounts = subscriptions / 2;
    const setup = performance.now();
    await sql`
      with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < ${sql.lit(PRODUCTS)})
      insert into products (id, seller_id, asin, marketplace_product_id, product_code, title, description, highlights,
                            keywords, categories, pricing_model, pricing, public_pricing, created_at, updated_at)
      select 'prod-bench' || substr('0000' || i, -4), ${sellerId}, 'B0BENCH' || substr('000' || i, -3),
             '00000000-0000-4000-8000-' || substr('000000000000' || i, -12), 'benchcode' || substr('0000' || i, -4),
             'Bench ' || i, 'd', '[]', '[]', '[]', 'usage',
             '{"model":"usage","category":"hosts","dimensions":[{"key":"hosts","name":"Hosts"}]}',
             '{"model":"usage","rates":{"hosts":"0.125"}}', '2027-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'
      from n
    `.execute(handle.db);
    await sql`
      with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < ${sql.lit(subscriptions)})
      insert into subscriptions (id, seller_id, product_id, buyer_account, pricing_model, pricing, quantity, offer_id,
                                 visibility, status, starts_at, ends_at, cancelled_at)
      select 'sub-bench' || i, ${sellerId}, 'prod-bench' || substr('0000' || ((i + i / ${sql.lit(accounts)}) % ${sql.lit(PRODUCTS)}), -4),
             substr('000000000000' || (i % ${sql.lit(accounts)}), -12), 'usage', '{"model":"usage","rates":{"hosts":"0.125"}}',
             1, null, 'public', 'active', '2027-01-01T00:00:00.000Z', null, null
      from n
    `.execute(handle.db);
    await sql`
      with recursive h(k) as (select 0 union all select k + 1 from h where k + 1 < ${sql.lit(HOURS_PER_SUBSCRIPTION)})
      insert into usage_records (product_id, buyer_account, dimension, hour, quantity, recorded_at)
      select s.product_id, s.buyer_account, 'hosts',
             strftime('%Y-%m-%dT%H:00:00.000Z', '2027-03-30T00:00:00', '-' || (h.k * 7) || ' hours'), 3, '2027-03-31T00:00:00.000Z'
      from subscriptions s, h
    `.execute(handle.db);
    const setupSeconds = (performance.now() - setup) / 1000;
    const usageRows = Number((await sql<{ n: number }>`select count(*) as n from usage_records`.execute(handle.db)).rows[0]?.n);

    const caller = { sellerId, keyId: adminKey.id };
    for (let i = 0; i < 200; i += 1) await lookupEligibility(deps, caller, String((i * 7919) % accounts).padStart(12, "0"));
    const times: number[] = [];
    for (let i = 0; i < LOOKUPS; i += 1) {
      const account = String((i * 104_729) % accounts).padStart(12, "0");
      const started = performance.now();
      const view = await lookupEligibility(deps, caller, account);
      times.push(performance.now() - started);
      if (view.subscriptions.length !== 2 || view.subscriptions[0]?.usage[0]?.quantity !== 30) throw new Error(`unexpected lookup for ${account}`);
    }
    return { subscriptions, usageRows, p50: median(times), p99: quantile(times, 0.99), setupSeconds };
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const rows = await measureEachSizeAlone<{ subscriptions: number; usageRows: number; p50: number; p99: number; setupSeconds: number }>(import.meta.filename, [100_000, 1_000_000], measure);
if (rows) {
  console.log(`\nEligibility lookups on SQLite: ${LOOKUPS} lookups per size, 2 subscriptions and 20 usage records per account\n`);
  console.log("| subscriptions | usage records | p50 ms | p99 ms |");
  console.log("|---|---|---|---|");
  for (const row of rows) {
    console.log(`| ${row.subscriptions.toLocaleString("en-US")} | ${row.usageRows.toLocaleString("en-US")} | ${row.p50.toFixed(3)} | ${row.p99.toFixed(3)} |`);
  }
  const [small, large] = rows;
  if (small && large) console.log(`\np99 at 1M / p99 at 100k: ${(large.p99 / small.p99).toFixed(2)}`);
}
