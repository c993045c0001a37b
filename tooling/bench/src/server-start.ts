/**
 * The built server against the sources run through tsx: time from spawning `node` to the first
 * 200 from `/readyz`, on a fresh data folder (every migration runs) and on a restart over an
 * existing one; the resident memory once idle; the deployable folder's size. The two ways take
 * turns, round after round, so both meet the same noise.
 *
 *   npm run build && pnpm --filter @offerkit/bench bench:server-start
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServerProcess } from "@offerkit/test-server";
import { median } from "./stats";

const ROUNDS = 7;
const IDLE_MS = 3000;
const repository = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const work = mkdtempSync(join(tmpdir(), "offerkit-start-bench-"));
const folder = join(work, "offerkit");

interface Way {
  label: string;
  entry: { cwd: string; args: string[] };
}

const ways: Way[] = [
  { label: "built (node dist/main.js, deployable folder)", entry: { cwd: folder, args: ["dist/main.js"] } },
  { label: "sources (node --import tsx src/main.ts)", entry: { cwd: join(repository, "apps", "server"), args: ["--import", "tsx", "src/main.ts"] } },
];

async function untilReady(url: string): Promise<void> {
  for (;;) {
    const response = await fetch(`${url}/readyz`).catch(() => null);
    if (response?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Resident set size of a process, in MiB, from /proc. */
function rssMiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((entry) => entry.startsWith("VmRSS:"));
  return Number(line?.replace(/\D+/g, "") ?? Number.NaN) / 1024;
}

async function start(way: Way, dataDir: string): Promise<{ ms: number; rss: number }> {
  const began = performance.now();
  const server = await startServerProcess({}, { entry: way.entry, dataDir, baseEnv: { PATH: process.env.PATH ?? "/usr/bin:/bin" } });
  await untilReady(server.url);
  const ms = performance.now() - began;
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  const rss = rssMiB(server.pid);
  await server.stop();
  return { ms, rss };
}

try {
  execFileSync("bash", ["scripts/deploy-folder.sh", "--built", folder], { cwd: repository, stdio: "inherit" });
  const bytes = Number(execFileSync("du", ["-sb", folder], { encoding: "utf8" }).split("\t")[0]);
  const results = new Map(ways.map((way) => [way.label, { fresh: [] as number[], restart: [] as number[], rss: [] as number[] }]));
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? ways : [...ways].reverse();
    for (const way of order) {
      const dataDir = mkdtempSync(join(work, "data-"));
      const row = results.get(way.label);
      if (!row) throw new Error(`No row for ${way.label}`);
      row.fresh.push((await start(way, dataDir)).ms);
      const restarted = await start(way, dataDir);
      row.restart.push(restarted.ms);
      row.rss.push(restarted.rss);
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const built = results.get(ways[0]?.label ?? "");
  console.log(`\nDeployable folder: ${(bytes / 1024 / 1024).toFixed(1)} MiB. Medians of ${ROUNDS} rounds, spawn to the first 200 from /readyz:\n`);
  console.log("| way | fresh data folder ms | restart ms | idle RSS MiB | restart vs built |");
  console.log("|---|---|---|---|---|");
  for (const [label, row] of results) {
    const ratio = built ? median(row.restart) / median(built.restart) : Number.NaN;
    console.log(`| ${label} | ${median(row.fresh).toFixed(0)} | ${median(row.restart).toFixed(0)} | ${median(row.rss).toFixed(1)} | ${ratio.toFixed(2)} |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
