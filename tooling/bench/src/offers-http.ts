/**
 * Offers created and sent per second over HTTP, against a real server process on the embedded
 * default (SQLite, files), compared in the same run with two floors through the same server:
 * `GET /healthz` (express alone) and `admin.whoami` (an authenticated tRPC call).
 *
 *   pnpm --filter @offerkit/bench bench:offers
 */
import type { AppRouter } from "@offerkit/api";
import { makePdf } from "@offerkit/eula/testing";
import { ADMIN_KEY, startServerProcess } from "@offerkit/test-server";
import { createTRPCClient, httpLink, isNonJsonSerializable, splitLink } from "@trpc/client";
import { benchOffer } from "./bench-offer";
import { median, quantile } from "./stats";

const KEY = ADMIN_KEY;
const CONCURRENCY = 8;
const OFFERS_PER_ROUND = 300;
const CALLS_PER_ROUND = 2000;
const ROUNDS = 3;

/** Runs `total` calls of `task` with `CONCURRENCY` in flight; returns wall time and each call's latency. */
async function load(total: number, task: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies };
}

async function main() {
  const server = await startServerProcess();
  const BASE = server.url;
  try {
    const client = createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => isNonJsonSerializable(op.input),
          true: httpLink({ url: `${BASE}/trpc`, headers: { authorization: `Bearer ${KEY}` } }),
          false: httpLink({ url: `${BASE}/trpc`, headers: { authorization: `Bearer ${KEY}` } }),
        }),
      ],
    });
    const products = await client.products.list.query({ limit: 100 });
    const product = products.items.find((p) => p.pricing.model === "saas_contract");
    if (!product) throw new Error("no demo product");
    const form = new FormData();
    form.append("file", new Blob([await makePdf(2)], { type: "application/pdf" }), "bench.pdf");
    const eula = await client.eula.upload.mutate(form);
    const createAndSend = async () => {
      const offer = await client.offers.create.mutate(benchOffer(product.id, eula.sha256, "Made by the HTTP benchmark"));
      await client.offers.send.mutate({ offerId: offer.id });
    };

    await load(50, createAndSend);
    await load(200, () => client.admin.whoami.query());
    await load(200, () => fetch(`${BASE}/healthz`).then((r) => r.arrayBuffer()));

    const rows: Record<string, { perSecond: number[]; p50: number[]; p99: number[] }> = {
      "GET /healthz (express floor)": { perSecond: [], p50: [], p99: [] },
      "admin.whoami (authenticated tRPC floor)": { perSecond: [], p50: [], p99: [] },
      "offers.create + offers.send": { perSecond: [], p50: [], p99: [] },
    };
    const record = (name: string, count: number, run: { seconds: number; latencies: number[] }) => {
      const row = rows[name];
      if (!row) return;
      row.perSecond.push(count / run.seconds);
      row.p50.push(median(run.latencies));
      row.p99.push(quantile(run.latencies, 0.99));
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      record("GET /healthz (express floor)", CALLS_PER_ROUND, await load(CALLS_PER_ROUND, () => fetch(`${BASE}/healthz`).then((r) => r.arrayBuffer())));
      record("admin.whoami (authenticated tRPC floor)", CALLS_PER_ROUND, await load(CALLS_PER_ROUND, () => client.admin.whoami.query()));
      record("offers.create + offers.send", OFFERS_PER_ROUND, await load(OFFERS_PER_ROUND, createAndSend));
    }

    const whoami = median(rows["admin.whoami (authenticated tRPC floor)"]?.perSecond ?? []);
    console.log(`\nOffers over HTTP: ${ROUNDS} rounds, ${CONCURRENCY} requests in flight, server on SQLite (medians of rounds)\n`);
    console.log("| path | per second | p50 ms | p99 ms | vs whoami |");
    console.log("|---|---|---|---|---|");
    for (const [name, row] of Object.entries(rows)) {
      const perSecond = median(row.perSecond);
      console.log(
        `| ${name} | ${perSecond.toFixed(0)} | ${median(row.p50).toFixed(2)} | ${median(row.p99).toFixed(2)} | ${(perSecond / whoami).toFixed(2)} |`,
      );
    }
  } finally {
    await server.stop();
  }
}

await main();
