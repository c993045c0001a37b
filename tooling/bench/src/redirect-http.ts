/**
 * Redirects per second and p99 latency at 50 connections: Offerkit's `/pp/` (clicks recorded)
 * against a bare node:http server answering the same 302, with wrk (Debian's package) as the
 * load generator on one thread, for three kinds of traffic:
 *
 * - new visitors with random IDs: every request a click to store, its visitor ID at a random
 *   place among the others, as real IDs are (random cookies, keyed hashes). The hard case.
 * - new visitors with sequential IDs: the same, but each ID sorts after the one before, so
 *   every insert lands at the end of the table's key. What this bench measured until it was
 *   found to flatter the click writer.
 * - returning visitors: 10 000 visitors clicking again and again, each counted once a day.
 *
 * Each kind gets a fresh Offerkit server. The two servers are measured in many short rounds, in
 * turns, each round in the other order than the one before: this machine's speed drifts by a
 * quarter from one run to the next, and the median ratio of runs made seconds apart is the
 * figure that drift disturbs least. Beside each run it reads from Linux's /proc the CPU time each
 * side spent per redirect (the servers' threads and wrk): they share two cores, so that is what
 * bounds the rate.
 *
 *   apt-get install -y wrk && pnpm --filter @offerkit/bench bench:redirect
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServerProcess } from "@offerkit/test-server";
import { median, quantile } from "./stats";
import { luaRandomId } from "./wrk-lua";

const ROUNDS = 8;
const SECONDS = 3;
const CONNECTIONS = 50;
const PATH = "/pp/B00635Y2IW/ref=ads_bench";
const BARE_PORT = 39301;
const work = mkdtempSync(join(tmpdir(), "offerkit-redirect-bench-"));

const bareServer = `
const http = require("node:http");
const location = "https://aws.amazon.com/marketplace${PATH}";
http.createServer((req, res) => {
  res.writeHead(302, { Location: location, "Cache-Control": "no-store", "Content-Length": "0" });
  res.end();
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening"));
`;

/**
 * A wrk script whose requests carry the visitor cookie `ok_vid=<id>`. The request text is one
 * concatenation per request, so that wrk takes as little of the two cores as it can.
 */
function visitorScript(setup: string, id: string): string {
  return `${luaRandomId}
local counter = 0
local pool = {}
local head, tail
init = function()
  math.randomseed(os.time())
  ${setup}
  head = "GET ${PATH} HTTP/1.1\\r\\nHost: " .. wrk.host .. ":" .. wrk.port .. "\\r\\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0\\r\\nCookie: ok_vid="
  tail = "\\r\\n\\r\\n"
end
request = function()
  counter = counter + 1
  return head .. ${id} .. tail
end
`;
}

const scenarios = [
  {
    name: "new visitors, random IDs",
    // A random 20-character prefix from a pool, then the counter: unique, and spread over the key space.
    script: visitorScript("for p = 1, 65536 do pool[p] = randomId(20) end", "pool[counter % 65536 + 1] .. counter"),
  },
  { name: "new visitors, sequential IDs", script: visitorScript("", 'string.format("bench-visitor-%012d", counter)') },
  { name: "returning visitors (10 000)", script: visitorScript("for p = 1, 10000 do pool[p] = randomId(32) end", "pool[counter % 10000 + 1]") },
];

async function startBare(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(work, "bare.cjs")], { cwd: work, env: { ...process.env, PORT: String(BARE_PORT) }, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`exited with ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) resolve();
    });
  });
  return child;
}

/** CPU time in clock ticks, read from Linux's /proc. */
const TICK_US = 1e6 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));

/** The fields of a /proc stat line after the command name, which may hold spaces itself. */
function statFields(path: string): string[] {
  const line = readFileSync(path, "utf8");
  return line.slice(line.lastIndexOf(")") + 2).split(" ");
}

/** User and system ticks of a process's event loop (its first thread) and of all its other threads. */
function serverTicks(pid: number): { main: number; others: number } {
  let main = 0;
  let others = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const fields = statFields(`/proc/${pid}/task/${task}/stat`);
    const ticks = Number(fields[11]) + Number(fields[12]);
    if (task === String(pid)) main += ticks;
    else others += ticks;
  }
  return { main, others };
}

/** User and system ticks of this process's finished children: wrk's, once it has exited. */
function childTicks(): number {
  const fields = statFields("/proc/self/stat");
  return Number(fields[13]) + Number(fields[14]);
}

interface Run {
  perSecond: number;
  p99: number;
  /** CPU microseconds per redirect: the server's event loop, its other threads, and wrk. */
  cpu: { main: number; others: number; wrk: number };
}

function wrk(url: string, script: string, serverPid: number): Run {
  const [server, client] = [serverTicks(serverPid), childTicks()];
  const output = execFileSync("wrk", ["-t1", `-c${CONNECTIONS}`, `-d${SECONDS}s`, "--latency", "-s", script, url], { encoding: "utf8" });
  const [serverAfter, clientAfter] = [serverTicks(serverPid), childTicks()];
  const perSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1]);
  const requests = Number(/(\d+) requests in/.exec(output)?.[1]);
  const p99raw = /99%\s+([\d.]+)(us|ms|s)/.exec(output);
  const factor = p99raw?.[2] === "us" ? 0.001 : p99raw?.[2] === "s" ? 1000 : 1;
  const non3xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  if (non3xx) throw new Error(`${non3xx[1]} responses were not redirects`);
  const perRequest = (ticks: number) => (ticks * TICK_US) / requests;
  return {
    perSecond,
    p99: Number(p99raw?.[1]) * factor,
    cpu: {
      main: perRequest(serverAfter.main - server.main),
      others: perRequest(serverAfter.others - server.others),
      wrk: perRequest(clientAfter - client),
    },
  };
}

/** Both servers, in turns, each round in the other order. */
async function measure(script: string, barePid: number): Promise<{ bare: Run[]; offerkit: Run[] }> {
  // The bench is one address sending as fast as it can: the per-address limit is off.
  const offerkit = await startServerProcess({ OFFERKIT_RATE_LIMIT_REDIRECT: "0" });
  const ours = `${offerkit.url}${PATH}`;
  const bareUrl = `http://127.0.0.1:${BARE_PORT}${PATH}`;
  try {
    const runs = { bare: [] as Run[], offerkit: [] as Run[] };
    const bareRun = () => runs.bare.push(wrk(bareUrl, script, barePid));
    const offerkitRun = () => runs.offerkit.push(wrk(ours, script, offerkit.pid));
    // A round each to warm up, not counted.
    wrk(bareUrl, script, barePid);
    wrk(ours, script, offerkit.pid);
    for (let round = 0; round < ROUNDS; round += 1) {
      if (round % 2 === 0) {
        bareRun();
        offerkitRun();
      } else {
        offerkitRun();
        bareRun();
      }
    }
    return runs;
  } finally {
    await offerkit.stop();
  }
}

async function main() {
  writeFileSync(join(work, "bare.cjs"), bareServer);
  const bare = await startBare();
  const barePid = bare.pid;
  if (barePid === undefined) throw new Error("The bare server has no process ID");
  try {
    const rows: string[] = [];
    const cpuRows: string[] = [];
    for (const [index, scenario] of scenarios.entries()) {
      const script = join(work, `visitors-${index}.lua`);
      writeFileSync(script, scenario.script);
      const runs = await measure(script, barePid);
      // Each round's ratio compares two runs made seconds apart: steadier than a ratio of medians.
      const ratios = runs.offerkit.map((run, i) => run.perSecond / (runs.bare[i]?.perSecond ?? Number.NaN));
      const rate = (list: Run[]) => median(list.map((run) => run.perSecond)).toFixed(0);
      const p99 = (list: Run[]) => median(list.map((run) => run.p99)).toFixed(2);
      rows.push(
        `| ${scenario.name} | ${rate(runs.bare)} | ${p99(runs.bare)} | ${rate(runs.offerkit)} | ${p99(runs.offerkit)} | ${median(ratios).toFixed(2)} | ${quantile(ratios, 0.25).toFixed(2)}-${quantile(ratios, 0.75).toFixed(2)} |`,
      );
      const cpu = (list: Run[], of: (run: Run) => number) => median(list.map(of)).toFixed(1);
      cpuRows.push(
        `| ${scenario.name} | ${cpu(runs.bare, (run) => run.cpu.main + run.cpu.others)} | ${cpu(runs.bare, (run) => run.cpu.wrk)} | ${cpu(runs.offerkit, (run) => run.cpu.main)} | ${cpu(runs.offerkit, (run) => run.cpu.others)} | ${cpu(runs.offerkit, (run) => run.cpu.wrk)} |`,
      );
      console.log(`${scenario.name}: ratios ${ratios.map((ratio) => ratio.toFixed(2)).join(", ")}`);
    }
    console.log(`\nRedirects at ${CONNECTIONS} connections, wrk -t1, ${ROUNDS} rounds of ${SECONDS} s per server and traffic, medians\n`);
    console.log("| traffic | bare/s | bare p99 ms | Offerkit/s | Offerkit p99 ms | vs bare | quartiles |");
    console.log("|---|---|---|---|---|---|---|");
    for (const row of rows) console.log(row);
    // Both servers and wrk share this machine's cores: what each spends on a redirect says how
    // fast the server could go, and where its time goes.
    console.log("\nCPU microseconds per redirect (user and system, from /proc), medians\n");
    console.log("| traffic | bare server | wrk, at bare | Offerkit event loop | Offerkit other threads | wrk, at Offerkit |");
    console.log("|---|---|---|---|---|---|");
    for (const row of cpuRows) console.log(row);
  } finally {
    bare.kill("SIGTERM");
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
