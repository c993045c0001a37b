/**
 * EULA validation benchmark: what `inspectEula` costs compared with the floor of reading the
 * bytes once (SHA-256 over them, which every upload pays anyway), and what `stampEula` costs per
 * page. Run: `pnpm --filter @offerkit/bench bench:eula`. Figures and how to read them: README.md.
 */
import { availableParallelism, cpus } from "node:os";
import { setImmediate as nextTurn } from "node:timers/promises";
import { inspectEula, sha256Hex, stampEula } from "@offerkit/eula";
import { makePdf } from "@offerkit/eula/testing";

type Stats = { median: number; p90: number };

/** Times `run` after `warmup` untimed calls, each call on a fresh event-loop turn. */
async function measure(run: () => Promise<unknown> | unknown, warmup: number, iterations: number): Promise<Stats> {
  for (let index = 0; index < warmup; index += 1) await run();
  const samples: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    await nextTurn();
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: quantile(samples, 0.5), p90: quantile(samples, 0.9) };
}

/**
 * The longest time the event loop went without a turn while `run` ran: what other requests on
 * the same process would wait. A chain of setImmediate callbacks notes each turn; it is kept out
 * of `measure`, whose timings it would inflate. (monitorEventLoopDelay was tried first: its
 * timer jitter on this machine, 4 ms idle, drowned the signal.)
 */
async function longestStretch(run: () => Promise<unknown>, iterations: number): Promise<number> {
  let last = performance.now();
  let longest = 0;
  let active = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (active) setImmediate(tick);
  };
  setImmediate(tick);
  for (let index = 0; index < iterations; index += 1) {
    // A turn before each call, so a call that never yields counts alone, not summed with the next.
    await nextTurn();
    last = performance.now();
    await run();
  }
  // Lets the pending tick run and note the stretch of the last call.
  await nextTurn();
  active = false;
  return longest;
}

function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = sorted[Math.floor(position)] ?? 0;
  const above = sorted[Math.ceil(position)] ?? below;
  return below + (above - below) * (position - Math.floor(position));
}

function ms(value: number): string {
  return value < 1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value.toFixed(1);
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padStart(widths[column] ?? 0)).join(" | ")} |`;
  return [line(header), `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

// Iterations per size keep the whole run around 15 s on 2 cores.
const INSPECT_PLAN = [
  { pages: 1, warmup: 100, iterations: 1000 },
  { pages: 100, warmup: 20, iterations: 200 },
  { pages: 1000, warmup: 5, iterations: 40 },
];
const STAMP_PLAN = [
  { pages: 1, warmup: 20, iterations: 200 },
  { pages: 100, warmup: 3, iterations: 30 },
  { pages: 1000, warmup: 1, iterations: 5 },
];
const FOOTER = "Private offer offer-abc · buyer account 123456789012";
const LIMIT = { maxBytes: 64 * 1024 * 1024 };

const started = performance.now();
const cpuModel = cpus()[0]?.model ?? "unknown CPU";
console.log(`EULA validation benchmark: Node ${process.version}, ${availableParallelism()} cores (${cpuModel})\n`);

const inspectRows: string[][] = [];
for (const { pages, warmup, iterations } of INSPECT_PLAN) {
  const bytes = await makePdf(pages);
  const check = await inspectEula(bytes, LIMIT);
  if (!check.ok || check.pageCount !== pages) throw new Error(`inspectEula refused the ${pages}-page file`);
  const inspect = await measure(() => inspectEula(bytes, LIMIT), warmup, iterations);
  // The floor runs over the very same bytes; more iterations since each is much cheaper.
  const hash = await measure(() => sha256Hex(bytes), warmup * 2, iterations * 3);
  const stretch = await longestStretch(() => inspectEula(bytes, LIMIT), Math.min(iterations, 10));
  inspectRows.push([
    String(pages),
    kb(bytes.byteLength),
    ms(inspect.median),
    ms(inspect.p90),
    ms(inspect.median / pages),
    ms(hash.median),
    ms(hash.p90),
    `${(inspect.median / hash.median).toFixed(0)}x`,
    ms(stretch),
  ]);
}
console.log("inspectEula vs SHA-256 of the same bytes (ms)");
console.log(
  table(
    ["pages", "size", "inspect median", "inspect p90", "per page", "sha256 median", "sha256 p90", "inspect/sha256", "longest stretch"],
    inspectRows,
  ),
);

const stampRows: string[][] = [];
for (const { pages, warmup, iterations } of STAMP_PLAN) {
  const bytes = await makePdf(pages);
  const stamp = await measure(() => stampEula(bytes, FOOTER), warmup, iterations);
  const stretch = await longestStretch(() => stampEula(bytes, FOOTER), Math.min(iterations, 3));
  stampRows.push([String(pages), kb(bytes.byteLength), ms(stamp.median), ms(stamp.p90), ms(stamp.median / pages), ms(stretch)]);
}
console.log("\nstampEula (load, footer on every page, save; ms)");
console.log(table(["pages", "size", "median", "p90", "per page", "longest stretch"], stampRows));
console.log("\n(longest stretch: the longest the event loop went without a turn during the call)");
console.log(`\ntotal run time ${((performance.now() - started) / 1000).toFixed(1)} s`);
