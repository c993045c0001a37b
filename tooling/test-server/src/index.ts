import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The demo seller's admin key the server is started with; it owns the demo products. */
export const ADMIN_KEY = "test-server-admin-key-0001";

const serverDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "apps", "server");

export interface ServerProcess {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  dataDir: string;
  /** The server's process ID, e.g. to read its CPU time. */
  pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM, wait for the graceful stop, remove the data folder unless it was handed in. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash: no graceful stop. The data folder stays. */
  kill(): Promise<void>;
}

export interface ServerProcessOptions {
  /**
   * A data folder to use and leave in place, e.g. one shared by several servers on one
   * PostgreSQL database (EULA files live there). Without it, a fresh folder removed at stop.
   */
  dataDir?: string;
  /**
   * How to run the server: the folder and Node's arguments. Without it, the sources through tsx
   * in this repository; a deployable folder passes its own, e.g. `dist/main.js` there.
   */
  entry?: { cwd: string; args: string[] };
  /** The environment instead of this process's: a deployable folder is started with no more than it needs. */
  baseEnv?: Record<string, string>;
}

/**
 * The real server as its own process, as an operator runs it (`src/main.ts`), on a free
 * loopback port over a fresh SQLite data folder, with the demo seller. For tests and
 * benchmarks of clients that must talk to it over real HTTP.
 */
export async function startServerProcess(env: Record<string, string> = {}, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "offerkit-server-"));
  const entry = options.entry ?? { cwd: serverDir, args: ["--import", "tsx", "src/main.ts"] };
  const child = spawn(process.execPath, entry.args, {
    cwd: entry.cwd,
    env: { ...(options.baseEnv ?? process.env), PORT: "0", OFFERKIT_DATA_DIR: dataDir, OFFERKIT_BOOTSTRAP_KEY: ADMIN_KEY, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start in 30 s:\n${output}`)), 30_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with ${code}:\n${output}`));
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s"]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  // Set once the process was spawned, which its "listening" line proves.
  const pid = child.pid;
  if (pid === undefined) throw new Error("The server process has no ID");
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // "close", not "exit": the last lines written before exit are read only once stdout and stderr end.
    const exited = new Promise((resolve) => child.once("close", resolve));
    child.kill(signal);
    await exited;
  };
  return {
    url,
    dataDir,
    pid,
    output: () => output,
    stop: async () => {
      await end("SIGTERM");
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    kill: () => end("SIGKILL"),
  };
}
