/**
 * What deciding "person or robot" costs a redirect, before (the hand-written pattern) and after
 * (isbot's list) in one run, so that this machine's drift touches both alike:
 *
 * 1. per call, in this process: each way's test of one agent, uncached, on browsers and robots;
 * 2. over HTTP with wrk: a bare 302 server that decides nothing, the same deciding the old way
 *    and the new way (both with the verdict cache), in rounds taken in turns, for browsers that
 *    share a few dozen agents (the cache answers) and for a client sending a new agent every
 *    time (the cache never answers: the worst case).
 *
 *   apt-get install -y wrk && pnpm --filter @offerkit/bench bench:bot-check
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isbot } from "isbot";
import { median, quantile } from "./stats";

const ROUNDS = 6;
const SECONDS = 3;
const CONNECTIONS = 50;
const VARIANTS = ["none", "pattern", "isbot"] as const;
type Variant = (typeof VARIANTS)[number];
const PORTS: Record<Variant, number> = { none: 39411, pattern: 39412, isbot: 39413 };
const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), "offerkit-bot-bench-"));

const browsers = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
  "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
];
const robots = [
  "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
  "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
  "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
  "axios/1.7.2",
  "Mozilla/5.0 (compatible; GPTBot/1.2; +https://openai.com/gptbot)",
];
const previousPattern =
  /bot\b|bot\/|crawl|spider|slurp|scrape|preview|facebookexternalhit|facebookcatalog|embedly|quora link|outbrain|pinterest|vkshare|w3c_validator|whatsapp|skypeuripreview|nuzzel|redditbot|slackbot|twitterbot|linkedinbot|discordbot|telegrambot|googleother|google-inspectiontool|bingpreview|yandex|baiduspider|duckduckbot|applebot|petalbot|semrush|ahrefs|mj12bot|headlesschrome|phantomjs|uptime|pingdom|statuscake|monitor|check_http|linkchecker|python-requests|go-http-client|wget|curl\//i;

/** Nanoseconds per test of one agent, the agents made distinct so that nothing is cached. */
function perCall(test: (agent: string) => boolean, agents: readonly string[]): number {
  const samples: number[] = [];
  for (let round = 0; round < 7; round += 1) {
    const distinct = Array.from({ length: 20_000 }, (_, i) => `${agents[i % agents.length] ?? ""} r${round}i${i}`);
    const start = process.hrtime.bigint();
    let hits = 0;
    for (const agent of distinct) if (test(agent)) hits += 1;
    samples.push(Number(process.hrtime.bigint() - start) / distinct.length);
    if (hits < 0) console.log(hits);
  }
  return median(samples);
}

function wrkScript(agentExpression: string, setup: string): string {
  return `local counter = 0
local pool = {}
init = function()
  ${setup}
end
request = function()
  counter = counter + 1
  return wrk.format("GET", nil, { ["User-Agent"] = ${agentExpression} })
end
`;
}

const traffic = [
  {
    name: "browsers sharing 6 agents (cached)",
    script: wrkScript("pool[counter % #pool + 1]", browsers.map((agent, i) => `pool[${i + 1}] = ${JSON.stringify(agent)}`).join("\n  ")),
  },
  { name: "a new agent every request (never cached)", script: wrkScript(`${JSON.stringify(browsers[0] ?? "")} .. " x" .. counter`, "") },
];

async function startServer(variant: Variant): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", join(here, "bot-check-server.ts")], {
    env: { ...process.env, PORT: String(PORTS[variant]), VARIANT: variant },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${variant} server exited with ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) resolve();
    });
  });
  return child;
}

function wrk(variant: Variant, script: string): number {
  const output = execFileSync("wrk", ["-t1", `-c${CONNECTIONS}`, `-d${SECONDS}s`, "-s", script, `http://127.0.0.1:${PORTS[variant]}/pp/B00635Y2IW/ref=ads_bench`], { encoding: "utf8" });
  if (/Non-2xx or 3xx responses/.test(output)) throw new Error(`${variant}: some responses were not redirects`);
  return Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
}

async function main() {
  const rows = [
    `| browsers (6 agents) | ${perCall((agent) => previousPattern.test(agent), browsers).toFixed(0)} | ${perCall(isbot, browsers).toFixed(0)} |`,
    `| robots (5 agents) | ${perCall((agent) => previousPattern.test(agent), robots).toFixed(0)} | ${perCall(isbot, robots).toFixed(0)} |`,
  ];
  console.log("Testing one agent, uncached, ns (median of 7 rounds of 20 000 distinct agents)\n");
  console.log("| agents | previous pattern | isbot |\n|---|---|---|");
  console.log(rows.join("\n"));

  const servers = await Promise.all(VARIANTS.map(startServer));
  try {
    console.log(`\nRedirects per second at ${CONNECTIONS} connections, wrk -t1, ${ROUNDS} rounds of ${SECONDS} s in turns, medians; ratio to the bare 302 per round\n`);
    console.log("| traffic | bare/s | previous pattern/s | isbot/s | previous vs bare | isbot vs bare (quartiles) |\n|---|---|---|---|---|---|");
    for (const [index, kind] of traffic.entries()) {
      const script = join(work, `traffic-${index}.lua`);
      writeFileSync(script, kind.script);
      for (const variant of VARIANTS) wrk(variant, script);
      const runs: Record<Variant, number[]> = { none: [], pattern: [], isbot: [] };
      for (let round = 0; round < ROUNDS; round += 1) {
        const order = round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
        for (const variant of order) runs[variant].push(wrk(variant, script));
      }
      const ratio = (variant: Variant) => runs[variant].map((rate, i) => rate / (runs.none[i] ?? Number.NaN));
      const isbotRatios = ratio("isbot");
      console.log(
        `| ${kind.name} | ${median(runs.none).toFixed(0)} | ${median(runs.pattern).toFixed(0)} | ${median(runs.isbot).toFixed(0)} | ${median(ratio("pattern")).toFixed(2)} | ${median(isbotRatios).toFixed(2)} (${quantile(isbotRatios, 0.25).toFixed(2)}-${quantile(isbotRatios, 0.75).toFixed(2)}) |`,
      );
    }
  } finally {
    for (const server of servers) server.kill();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
