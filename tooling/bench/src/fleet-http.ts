/**
 * A fleet's throughput on one machine: one, two and three server processes on one PostgreSQL
 * database, next to one server on SQLite. Redirects per second (wrk, every request a new
 * visitor, so a click to record) and complete offers per second (create + send, 8 in flight,
 * spread over the servers in turn).
 *
 *   OFFERKIT_TEST_DATABASE_URL=postgres://... pnpm --filter @offerkit/bench bench:fleet   # needs Debian's wrk
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AppRouter } from "@offerkit/api";
import { createEmptyPostgresDatabase } from "@offerkit/db/testing";
import { makePdf } from "@offerkit/eula/testing";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { createTRPCClient, httpLink } from "@trpc/client";
import { median, quantile } from "./stats";

const ROUNDS = 3;
const REDIRECT_SECONDS = 5;
const CONNECTIONS = 48;
const OFFERS_PER_ROUND = 150;
const IN_FLIGHT = 8;
const work = mkdtempSync(join(tmpdir(), "offerkit-fleet-bench-"));

const visitorScript = `
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", nil, { ["Cookie"] = "ok_vid=bench-visitor-" .. string.format("%012d", counter) .. "-" .. math.random(1, 1000000000), ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0" })
end
`;

interface Setup {
  label: string;
  postgres: boolean;
  servers: number;
}

const setups: Setup[] = [
  { label: "SQLite, 1 server", postgres: false, servers: 1 },
  { label: "PostgreSQL, 1 server", postgres: true, servers: 1 },
  { label: "PostgreSQL, 2 servers", postgres: true, servers: 2 },
  { label: "PostgreSQL, 3 servers", postgres: true, servers: 3 },
];

/** One wrk run against one URL; several run side by side, one per server. */
function wrk(url: string, connections: number, seconds: number): Promise<{ perSecond: number; p99: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", ["-t1", `-c${connections}`, `-d${seconds}s`, "--latency", "-s", join(work, "visitors.lua"), url], { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`wrk exited with ${code}`));
      const non3xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
      if (non3xx) return reject(new Error(`${non3xx[1]} responses were not redirects`));
      const p99raw = /99%\s+([\d.]+)(us|ms|s)/.exec(output);
      const factor = p99raw?.[2] === "us" ? 0.001 : p99raw?.[2] === "s" ? 1000 : 1;
      resolve({ perSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]), p99: Number(p99raw?.[1]) * factor });
    });
  });
}

/** Redirects a second over the whole fleet, and the worst server's p99. */
async function redirects(servers: ServerProcess[], seconds: number) {
  const runs = await Promise.all(servers.map((server) => wrk(`${server.url}/pp/B00635Y2IW/ref=ads_bench`, Math.ceil(CONNECTIONS / servers.length), seconds)));
  return { perSecond: runs.reduce((sum, run) => sum + run.perSecond, 0), p99: Math.max(...runs.map((run) => run.p99)) };
}

/** Complete offers (create, then send on another server) with IN_FLIGHT at once, over the fleet in turn. */
async function offers(servers: ServerProcess[], total: number) {
  const clients = servers.map((server) =>
    createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}/trpc`, headers: { authorization: `Bearer ${ADMIN_KEY}` } })] }),
  );
  const client = (i: number) => {
    const found = clients[i % clients.length];
    if (!found) throw new Error("no server");
    return found;
  };
  const products = await client(0).products.list.query({ limit: 100 });
  const product = products.items.find((p) => p.asin === "B00635Y2IW");
  if (!product) throw new Error("no demo product");
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(await makePdf(2))], { type: "application/pdf" }), "bench.pdf");
  const eula = await client(0).eula.upload.mutate(form);
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  return async () => {
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < total) {
          const i = next++;
          const t0 = performance.now();
          const offer = await client(i).offers.create.mutate({
            productId: product.id,
            name: "Bench offer",
            description: "Made by the fleet benchmark",
            buyerAccounts: ["012345678901"],
            pricing: { model: "saas_contract", contract: { seats: "100.5", storage_tb: "20" } },
            eulaSha256: eula.sha256,
            agreement: { kind: "duration", duration: "P12M" },
            acceptanceDeadline: deadline,
            refundPolicy: "Ask within 30 days.",
          });
          await client(i + 1).offers.send.mutate({ offerId: offer.id });
          latencies.push(performance.now() - t0);
        }
      }),
    );
    return { perSecond: total / ((performance.now() - started) / 1000), p50: median(latencies), p99: quantile(latencies, 0.99) };
  };
}

async function measure(setup: Setup) {
  const database = setup.postgres ? await createEmptyPostgresDatabase() : null;
  const dataDir = mkdtempSync(join(work, "data-"));
  // Limits off (one client sends everything) and request lines off (the bench reads the servers' output).
  const env = {
    OFFERKIT_RATE_LIMIT_REDIRECT: "0",
    OFFERKIT_LOG_LEVEL: "warn",
    ...(database ? { DATABASE_URL: database.url, OFFERKIT_DATA_KEY: Buffer.alloc(32, 7).toString("base64") } : {}),
  };
  const servers = await Promise.all(Array.from({ length: setup.servers }, () => startServerProcess(env, { dataDir })));
  try {
    const offerRound = await offers(servers, OFFERS_PER_ROUND);
    await redirects(servers, 2);
    await offerRound();
    const redirectRuns = [];
    const offerRuns = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      redirectRuns.push(await redirects(servers, REDIRECT_SECONDS));
      offerRuns.push(await offerRound());
    }
    return {
      redirects: median(redirectRuns.map((run) => run.perSecond)),
      redirectP99: median(redirectRuns.map((run) => run.p99)),
      offers: median(offerRuns.map((run) => run.perSecond)),
      offerP50: median(offerRuns.map((run) => run.p50)),
      offerP99: median(offerRuns.map((run) => run.p99)),
    };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.drop();
  }
}

async function main() {
  if (!process.env.OFFERKIT_TEST_DATABASE_URL) throw new Error("Set OFFERKIT_TEST_DATABASE_URL to a PostgreSQL server the bench may create databases on");
  writeFileSync(join(work, "visitors.lua"), visitorScript);
  try {
    const rows = [];
    for (const setup of setups) rows.push({ setup, ...(await measure(setup)) });
    const base = rows[0];
    console.log(`\nFleet on one machine: ${ROUNDS} rounds (medians); redirects: wrk -t1 per server, ${CONNECTIONS} connections in all, ${REDIRECT_SECONDS} s;`);
    console.log(`offers: create + send (on the next server), ${IN_FLIGHT} in flight, ${OFFERS_PER_ROUND} a round\n`);
    console.log("| setup | redirects/s | redirect p99 ms | vs SQLite | offers/s | offer p50 ms | offer p99 ms | vs SQLite |");
    console.log("|---|---|---|---|---|---|---|---|");
    for (const row of rows) {
      console.log(
        `| ${row.setup.label} | ${row.redirects.toFixed(0)} | ${row.redirectP99.toFixed(2)} | ${(row.redirects / (base?.redirects ?? Number.NaN)).toFixed(2)} | ${row.offers.toFixed(0)} | ${row.offerP50.toFixed(2)} | ${row.offerP99.toFixed(2)} | ${(row.offers / (base?.offers ?? Number.NaN)).toFixed(2)} |`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
