import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The bootstrap key: the admin key of the demo seller, who owns the demo products. */
export const ADMIN_KEY = "cli-test-admin-key-00001";
const serverDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "server");

export interface RealServer {
  url: string;
  stop(): Promise<void>;
}

/** The real server as its own process, on a free port, over a fresh SQLite data folder. */
export async function startRealServer(): Promise<RealServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "offerkit-cli-server-"));
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: { ...process.env, PORT: "0", OFFERKIT_DATA_DIR: dataDir, OFFERKIT_BOOTSTRAP_KEY: ADMIN_KEY },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/listening on (http:\/\/\S+)/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
