/**
 * Redirects per second and p99 latency at 50 connections: Offerkit's `/pp/` (clicks recorded,
 * every request a new visitor) against a bare node:http server answering the same 302, in one
 * run, with wrk (Debian's package) as the load generator on one thread. The two are measured in
 * many short rounds, in turns, each round in the other order than the one before: this machine's
 * speed drifts by a quarter from one run to the next, and a ratio of two runs made seconds apart,
 * taken as the median of many, is the figure that drift disturbs least.
 *
 *   apt-get install -y wrk && pnpm --filter @offerkit/bench bench:redirect
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServerProcess } from "@offerkit/test-server";
import { median, quantile } from "./stats";

const ROUNDS = 12;
const SECONDS = 4;
const CONNECTIONS = 50;
const work = mkdtempSync(join(tmpdir(), "offerkit-redirect-bench-"));

const bareServer = `
const http = require("node:http");
const location = "https://aws.amazon.com/marketplace/pp/B00635Y2IW/ref=ads_bench";
http.createServer((req, res) => {
  res.writeHead(302, { Location: location, "Cache-Control": "no-store", "Content-Length": "0" });
  res.end();
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening"));
`;

// Every request is a new visitor, so every one is a click to write.
const visitorScript = `
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", nil, { ["Cookie"] = "ok_vid=bench-visitor-" .. string.format("%012d", counter) .. "-" .. math.random(1, 1000000000), ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0" })
end
`;

async function startBare(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(work, "bare.cjs")], { cwd: work, env: { ...process.env, PORT: "39301" }, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`exited with ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) resolve();
    });
  });
  return child;
}

function wrk(url: string): { perSecond: number; p99: number } {
  const output = execFileSync("wrk", ["-t1", `-c${CONNECTIONS}`, `-d${SECONDS}s`, "--latency", "-s", join(work, "visitors.lua"), url], { encoding: "utf8" });
  const perSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
  const p99raw = /99%\s+([\d.]+)(us|ms|s)/.exec(output);
  const factor = p99raw?.[2] === "us" ? 0.001 : p99raw?.[2] === "s" ? 1000 : 1;
  const non3xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  if (non3xx) throw new Error(`${non3xx[1]} responses were not redirects`);
  return { perSecond, p99: Number(p99raw?.[1]) * factor };
}

async function main() {
  writeFileSync(join(work, "bare.cjs"), bareServer);
  writeFileSync(join(work, "visitors.lua"), visitorScript);
  const bare = await startBare();
  // The bench is one address sending as fast as it can: the per-address limit is off.
  const offerkit = await startServerProcess({ OFFERKIT_RATE_LIMIT_REDIRECT: "0" });
  const ours = `${offerkit.url}/pp/B00635Y2IW/ref=ads_bench`;
  const bareUrl = "http://127.0.0.1:39301/pp/B00635Y2IW/ref=ads_bench";
  try {
    const results = { bare: [] as { perSecond: number; p99: number }[], offerkit: [] as { perSecond: number; p99: number }[] };
    wrk(bareUrl);
    wrk(ours);
    for (let round = 0; round < ROUNDS; round += 1) {
      if (round % 2 === 0) {
        results.bare.push(wrk(bareUrl));
        results.offerkit.push(wrk(ours));
      } else {
        results.offerkit.push(wrk(ours));
        results.bare.push(wrk(bareUrl));
      }
    }
    const bareRate = median(results.bare.map((r) => r.perSecond));
    const ourRate = median(results.offerkit.map((r) => r.perSecond));
    // Each round's ratio compares two runs made seconds apart: steadier than a ratio of medians.
    const ratios = results.offerkit.map((r, i) => r.perSecond / (results.bare[i]?.perSecond ?? Number.NaN));
    console.log(`\nRedirects at ${CONNECTIONS} connections, wrk -t1, ${ROUNDS} rounds of ${SECONDS} s each, medians\n`);
    console.log("| server | redirects/s | p99 ms | vs bare |");
    console.log("|---|---|---|---|");
    console.log(`| bare node:http 302 | ${bareRate.toFixed(0)} | ${median(results.bare.map((r) => r.p99)).toFixed(2)} | 1.00 |`);
    console.log(`| Offerkit /pp/ (clicks recorded) | ${ourRate.toFixed(0)} | ${median(results.offerkit.map((r) => r.p99)).toFixed(2)} | ${median(ratios).toFixed(2)} |`);
    console.log(`\nPer-round ratios: ${ratios.map((ratio) => ratio.toFixed(2)).join(", ")}`);
    console.log(`Ratios' quartiles: ${quantile(ratios, 0.25).toFixed(2)} / ${median(ratios).toFixed(2)} / ${quantile(ratios, 0.75).toFixed(2)}`);
  } finally {
    bare.kill("SIGTERM");
    await offerkit.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
