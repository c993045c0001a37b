/**
 * Buyers' EULA copies: how many pages a second stamping makes, on the stamping worker and on the
 * caller's own thread, and what a real server process's event loop goes through while buyers'
 * first downloads are being stamped, against the same process idle and serving stored copies,
 * in the same run. Sized for 2 cores: the server's event loop, its one stamping worker, and this
 * process's light client.
 *
 *   pnpm --filter @offerkit/bench bench:eula-copies
 *
 * Figures and how to read them: README.md, "EULA copies".
 */
import { availableParallelism, cpus } from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";
import type { AppRouter } from "@offerkit/api";
import { createStampPool, stampEula } from "@offerkit/eula";
import { makePdf } from "@offerkit/eula/testing";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { createTRPCClient, httpLink, isNonJsonSerializable, splitLink } from "@trpc/client";
import { median, quantile } from "./stats";

const FOOTER = "Offer offer-V1StGXR8_Z5jdHi6B-myT · for AWS account 012345678901 · sent 2027-03-01";
/** Copies timed per size, after untimed warm-up copies; the whole first part takes about 15 s. */
const THROUGHPUT_PLAN = [
  { pages: 10, warmup: 10, iterations: 60 },
  { pages: 100, warmup: 3, iterations: 20 },
  { pages: 1000, warmup: 1, iterations: 8 },
];
/** The server part: rounds of an idle phase and a stamping phase, then stored copies served again. */
const ROUNDS = 3;
const IDLE_SECONDS = 5;
const COPIES_PER_ROUND = 16;
/** Two downloads in flight keep the one worker busy while a finished copy is being sent. */
const IN_FLIGHT = 2;
const SERVER_PAGES = 1000;
const ACCOUNTS = Array.from({ length: 25 }, (_, index) => `1000000000${String(index).padStart(2, "0")}`);
const OFFERS = Math.ceil((ROUNDS * COPIES_PER_ROUND) / ACCOUNTS.length);
/** Health checks, one after another with this pause between: what another request waits meanwhile. */
const HEALTH_PAUSE_MS = 10;

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join(" | ")} |`;
  return [line(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/** Per-copy times of `stamp`, sequentially, with this process's own event-loop delay meanwhile. */
async function timeCopies(stamp: () => Promise<Uint8Array>, warmup: number, iterations: number) {
  for (let index = 0; index < warmup; index += 1) await stamp();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const samples: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    // A turn of the event loop before each copy: a small file stamped on this thread yields
    // nowhere, and copies back to back would count as one long stretch.
    await nextTurn();
    const started = performance.now();
    await stamp();
    samples.push(performance.now() - started);
  }
  delay.disable();
  return { median: median(samples), p90: quantile(samples, 0.9), delayP99: delay.percentile(99) / 1e6, delayMax: delay.max / 1e6 };
}

async function throughput(): Promise<string> {
  const pool = createStampPool();
  const rows: string[][] = [];
  try {
    for (const { pages, warmup, iterations } of THROUGHPUT_PLAN) {
      const bytes = await makePdf(pages);
      const worker = await timeCopies(() => pool.stamp(bytes, FOOTER), warmup, iterations);
      const inline = await timeCopies(() => stampEula(bytes, FOOTER), warmup, iterations);
      rows.push([
        String(pages),
        ms(worker.median),
        ms(worker.p90),
        (pages / (worker.median / 1000)).toFixed(0),
        ms(inline.median),
        (pages / (inline.median / 1000)).toFixed(0),
        `${ms(worker.delayP99)} / ${ms(worker.delayMax)}`,
        `${ms(inline.delayP99)} / ${ms(inline.delayMax)}`,
      ]);
    }
  } finally {
    await pool.close();
  }
  return table(
    ["pages", "worker median ms", "worker p90 ms", "worker pages/s", "own thread median ms", "own thread pages/s", "delay p99 / max ms, worker", "delay p99 / max ms, own thread"],
    rows,
  );
}

interface LoopReport {
  p50: number;
  p99: number;
  max: number;
  samples: number;
  rssMb: number;
}

/** Asks the server's event-loop probe for what it saw since the last ask, and starts it over. */
async function readProbe(server: ServerProcess): Promise<LoopReport> {
  const from = server.output().length;
  process.kill(server.pid, "SIGUSR2");
  for (let waited = 0; waited < 5000; waited += 10) {
    const line = /event-loop-delay (\{.*\})\n/.exec(server.output().slice(from));
    if (line?.[1]) return JSON.parse(line[1]) as LoopReport;
    await sleep(10);
  }
  throw new Error("The server's event-loop probe did not answer");
}

/** Health checks until `until` resolves: their latencies. */
async function healthChecks(url: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    await (await fetch(`${url}/healthz`)).arrayBuffer();
    latencies.push(performance.now() - started);
    await sleep(HEALTH_PAUSE_MS);
  }
  return latencies;
}

interface PhaseResult {
  name: string;
  seconds: number;
  copies: number;
  downloads: number[];
  health: number[];
  loop: LoopReport;
}

async function phase(server: ServerProcess, name: string, work: () => Promise<number[]>): Promise<PhaseResult> {
  await readProbe(server);
  const started = performance.now();
  const running = work();
  const health = await healthChecks(server.url, running);
  const downloads = await running;
  const seconds = (performance.now() - started) / 1000;
  return { name, seconds, copies: downloads.length, downloads, health, loop: await readProbe(server) };
}

/** Downloads each `[offerId, token]` once, `IN_FLIGHT` at a time: their latencies. */
async function download(url: string, pairs: [string, string][]): Promise<number[]> {
  const queue = [...pairs];
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let pair = queue.shift(); pair; pair = queue.shift()) {
        const [offerId, token] = pair;
        const started = performance.now();
        const response = await fetch(`${url}/buyer/offers/${offerId}/eula`, { headers: { authorization: `Bearer ${token}` } });
        if (response.status !== 200) throw new Error(`Download of ${offerId} answered ${response.status}: ${await response.text()}`);
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies;
}

async function serverUnderStamping(): Promise<string> {
  const probe = new URL("./event-loop-probe.mjs", import.meta.url).href;
  const server = await startServerProcess({
    // Request lines off: the bench reads the server's output for the probe's lines.
    OFFERKIT_LOG_LEVEL: "warn",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import=${probe}`].filter(Boolean).join(" "),
  });
  try {
    const headers = { authorization: `Bearer ${ADMIN_KEY}` };
    const client = createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => isNonJsonSerializable(op.input),
          true: httpLink({ url: `${server.url}/trpc`, headers }),
          false: httpLink({ url: `${server.url}/trpc`, headers }),
        }),
      ],
    });
    const product = (await client.products.list.query({ limit: 100 })).items.find((p) => p.asin === "B00635Y2IW");
    if (!product) throw new Error("The demo contract product is missing");
    const form = new FormData();
    form.append("file", new Blob([await makePdf(SERVER_PAGES)], { type: "application/pdf" }), "bench-eula.pdf");
    const eula = await client.eula.upload.mutate(form);
    const tokens = await Promise.all(ACCOUNTS.map(async (account) => (await client.admin.buyerTokens.issue.mutate({ account })).secret));
    const pairs: [string, string][] = [];
    for (let index = 0; index < OFFERS; index += 1) {
      const draft = await client.offers.create.mutate({
        productId: product.id,
        name: `Bench offer ${index}`,
        description: "Made by the EULA copies benchmark",
        buyerAccounts: ACCOUNTS,
        pricing: { model: "saas_contract", contract: { seats: "100.5", storage_tb: "20" } },
        eulaSha256: eula.sha256,
        agreement: { kind: "duration", duration: "P12M" },
        acceptanceDeadline: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        refundPolicy: "Ask within 30 days.",
      });
      await client.offers.send.mutate({ offerId: draft.id });
      for (const token of tokens) pairs.push([draft.id, token]);
    }
    const before = await readProbe(server);
    // Warm-up: the worker starts and the server's paths are compiled before anything is timed.
    const fresh = [...pairs];
    await download(server.url, fresh.splice(0, 2));
    await healthChecks(server.url, sleep(1000));

    const results: PhaseResult[] = [];
    const made: [string, string][] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const batch = fresh.splice(0, COPIES_PER_ROUND);
      made.push(...batch);
      const idle = () =>
        phase(server, "idle", async () => {
          await sleep(IDLE_SECONDS * 1000);
          return [];
        });
      const stamping = () => phase(server, "first downloads: stamping", () => download(server.url, batch));
      // Alternating which comes first, so neither always follows the other.
      if (round % 2 === 0) results.push(await idle(), await stamping());
      else results.push(await stamping(), await idle());
    }
    // Each stored copy three times over, so the phase lasts long enough to sample.
    results.push(await phase(server, "second downloads: stored copies", () => download(server.url, [...made, ...made, ...made])));

    const rows = ["idle", "first downloads: stamping", "second downloads: stored copies"].map((name) => {
      const runs = results.filter((result) => result.name === name);
      const of = (pick: (result: PhaseResult) => number) => median(runs.map(pick));
      const copies = runs.reduce((sum, run) => sum + run.copies, 0);
      const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
      const downloads = runs.flatMap((run) => run.downloads);
      const stamping = name.startsWith("first");
      return [
        name,
        String(runs.length),
        seconds.toFixed(1),
        String(copies),
        stamping ? ((copies * SERVER_PAGES) / seconds).toFixed(0) : "-",
        downloads.length > 0 ? `${ms(median(downloads))} / ${ms(quantile(downloads, 0.99))}` : "-",
        ms(of((run) => run.loop.p50)),
        ms(of((run) => run.loop.p99)),
        ms(Math.max(...runs.map((run) => run.loop.max))),
        `${ms(median(runs.flatMap((run) => run.health)))} / ${ms(quantile(runs.flatMap((run) => run.health), 0.99))}`,
        String(Math.max(...runs.map((run) => run.loop.rssMb))),
      ];
    });
    const spread = (name: string, pick: (report: LoopReport) => number) =>
      results
        .filter((result) => result.name === name)
        .map((result) => ms(pick(result.loop)))
        .join(", ");
    return [
      table(
        ["phase", "runs", "seconds", "copies", "pages stamped/s", "download p50 / p99 ms", "loop delay p50 ms", "loop delay p99 ms", "loop delay max ms", "/healthz p50 / p99 ms", "RSS MB"],
        rows,
      ),
      "",
      `RSS before the first copy: ${before.rssMb} MB (the stamping worker not started yet)`,
      `loop delay p99 per run: idle ${spread("idle", (loop) => loop.p99)}; stamping ${spread("first downloads: stamping", (loop) => loop.p99)}`,
      `loop delay p50 per run: idle ${spread("idle", (loop) => loop.p50)}; stamping ${spread("first downloads: stamping", (loop) => loop.p50)}`,
    ].join("\n");
  } finally {
    await server.stop();
  }
}

const started = performance.now();
console.log(`EULA copies benchmark: Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"})\n`);
console.log("Stamping one copy at a time, on the stamping worker and on this process's own thread (event-loop delay of this process meanwhile)\n");
console.log(await throughput());
console.log(`\nA server process (SQLite) making buyers' copies of a ${SERVER_PAGES}-page EULA, ${IN_FLIGHT} downloads in flight; ${ROUNDS} rounds of idle and stamping, then the copies downloaded again\n`);
console.log(await serverUnderStamping());
console.log(`\ntotal run time ${((performance.now() - started) / 1000).toFixed(1)} s`);
