/**
 * The tracking redirect under sustained mixed load: minutes on end of wrk (one thread, 50
 * connections) against one Offerkit server, each request a returning visitor (one of 10 000)
 * or, at NEW_SHARE, a new visitor with a random ID; meanwhile this process calls the API
 * (`offers.list` and `marketing.stats`, one after the other). Per minute it prints the
 * redirects a second, their p99, the API calls a second, the server's resident memory and the
 * SQLite file and its log on disk: a server that wears down shows it minute by minute.
 *
 *   apt-get install -y wrk && pnpm --filter @offerkit/bench bench:soak
 *   SOAK_MINUTES=3 NEW_SHARE=0.2 pnpm --filter @offerkit/bench bench:soak
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ADMIN_KEY, startServerProcess } from "@offerkit/test-server";
import { luaRandomId } from "./wrk-lua";

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const NEW_SHARE = Number(process.env.NEW_SHARE ?? 0.1);
const CONNECTIONS = 50;
const PATH = "/pp/B00635Y2IW/ref=ads_soak";
const work = mkdtempSync(join(tmpdir(), "offerkit-soak-"));
const run = promisify(execFile);

const script = `${luaRandomId}
local pool = {}
local prefixes = {}
local counter = 0
local head, tail
init = function()
  math.randomseed(os.time())
  for p = 1, 10000 do pool[p] = randomId(32) end
  for p = 1, 4096 do prefixes[p] = randomId(20) end
  head = "GET ${PATH} HTTP/1.1\\r\\nHost: " .. wrk.host .. ":" .. wrk.port .. "\\r\\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0\\r\\nCookie: ok_vid="
  tail = "\\r\\n\\r\\n"
end
request = function()
  counter = counter + 1
  if math.random() < ${NEW_SHARE} then
    return head .. prefixes[counter % 4096 + 1] .. counter .. tail
  end
  return head .. pool[math.random(1, 10000)] .. tail
end
`;

/** Resident memory in MB, in all and split: the process's own (heap, caches) and pages of files it maps (SQLite's). */
function rssMb(pid: number): { all: number; anon: number; file: number } {
  const lines = readFileSync(`/proc/${pid}/status`, "utf8").split("\n");
  const field = (name: string) => Number(/(\d+)/.exec(lines.find((entry) => entry.startsWith(`${name}:`)) ?? "")?.[1]) / 1024;
  return { all: field("VmRSS"), anon: field("RssAnon"), file: field("RssFile") };
}

const sizeMb = (path: string) => {
  try {
    return statSync(path).size / 1024 / 1024;
  } catch {
    return 0;
  }
};

/** API calls one after the other until `until`; answers how many were made. */
async function apiLoad(url: string, until: number): Promise<number> {
  const headers = { authorization: `Bearer ${ADMIN_KEY}` };
  const today = new Date().toISOString().slice(0, 10);
  const stats = encodeURIComponent(JSON.stringify({ from: today, to: today }));
  let calls = 0;
  while (Date.now() < until) {
    for (const path of [`/trpc/offers.list?input=${encodeURIComponent("{}")}`, `/trpc/marketing.stats?input=${stats}`]) {
      const response = await fetch(`${url}${path}`, { headers });
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      await response.arrayBuffer();
      calls += 1;
    }
  }
  return calls;
}

async function main() {
  const scriptPath = join(work, "soak.lua");
  writeFileSync(scriptPath, script);
  const server = await startServerProcess({ OFFERKIT_RATE_LIMIT_REDIRECT: "0", OFFERKIT_LOG_LEVEL: "warn" });
  const database = join(server.dataDir, "offerkit.sqlite");
  const rows: { minute: number; perSecond: number; p99: number; api: number; rss: { all: number; anon: number; file: number }; db: number; wal: number }[] = [];
  try {
    console.log(`${MINUTES} minutes, ${CONNECTIONS} connections, ${Math.round(NEW_SHARE * 100)}% new visitors\n`);
    console.log("| minute | redirects/s | p99 ms | API calls/s | RSS MB | of it anonymous | of it file pages | SQLite MB | WAL MB |");
    console.log("|---|---|---|---|---|---|---|---|---|");
    for (let minute = 1; minute <= MINUTES; minute += 1) {
      const api = apiLoad(server.url, Date.now() + 59_000);
      const { stdout } = await run("wrk", ["-t1", `-c${CONNECTIONS}`, "-d60s", "--latency", "-s", scriptPath, `${server.url}${PATH}`]);
      const calls = await api;
      const non3xx = /Non-2xx or 3xx responses: (\d+)/.exec(stdout);
      if (non3xx) throw new Error(`${non3xx[1]} responses were not redirects`);
      const p99raw = /99%\s+([\d.]+)(us|ms|s)/.exec(stdout);
      const factor = p99raw?.[2] === "us" ? 0.001 : p99raw?.[2] === "s" ? 1000 : 1;
      const row = {
        minute,
        perSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]),
        p99: Number(p99raw?.[1]) * factor,
        api: calls / 60,
        rss: rssMb(server.pid),
        db: sizeMb(database),
        wal: sizeMb(`${database}-wal`),
      };
      rows.push(row);
      console.log(
        `| ${minute} | ${row.perSecond.toFixed(0)} | ${row.p99.toFixed(2)} | ${row.api.toFixed(0)} | ${row.rss.all.toFixed(0)} | ${row.rss.anon.toFixed(0)} | ${row.rss.file.toFixed(0)} | ${row.db.toFixed(0)} | ${row.wal.toFixed(0)} |`,
      );
    }
    const second = rows[1];
    const last = rows.at(-1);
    if (second && last && rows.length > 2) {
      console.log(
        `\nLast minute vs second: redirects ${(last.perSecond / second.perSecond).toFixed(2)}, RSS ${(last.rss.all / second.rss.all).toFixed(2)} (anonymous ${(last.rss.anon / second.rss.anon).toFixed(2)})`,
      );
    }
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
