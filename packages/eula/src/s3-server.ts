import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** The access key s3rver accepts (it checks signatures against this pair). */
export const S3_TEST_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

/** A running S3-compatible server: a real process speaking S3 over HTTP on a loopback port. */
export interface S3TestServer {
  /** `http://127.0.0.1:<port>`, for `endpoint` with `forcePathStyle`. */
  endpoint: string;
  /** The process's id, to tell it apart from other servers. */
  pid: number;
  /** Stops the process and deletes its folder. */
  stop(): Promise<void>;
}

const SCRIPT = fileURLToPath(new URL("./s3rver-process.mjs", import.meta.url));
const START_TIMEOUT_MS = 20_000;

/**
 * Starts s3rver in a child process on a free port, over a new temporary folder, with `buckets`
 * created. It stops with `stop()`, and by itself when this process ends (it watches its stdin).
 */
export async function startS3Server(buckets: string[]): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), "offerkit-s3-"));
  const child = spawn(process.execPath, [SCRIPT, directory, ...buckets], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (text: string) => {
    stderr += text;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`s3rver did not start within ${START_TIMEOUT_MS} ms: ${stderr}`)), START_TIMEOUT_MS);
      child.once("error", reject);
      void exited.then((code) => reject(new Error(`s3rver exited with ${String(code)} before listening: ${stderr}`)));
      createInterface({ input: child.stdout }).once("line", (line) => {
        clearTimeout(timer);
        const parsed: unknown = JSON.parse(line);
        if (typeof parsed === "object" && parsed !== null && "port" in parsed && typeof parsed.port === "number") resolve(parsed.port);
        else reject(new Error(`s3rver said ${line}`));
      });
    });
    const pid = child.pid;
    if (pid === undefined) throw new Error("s3rver has no process id");
    return {
      endpoint: `http://127.0.0.1:${port}`,
      pid,
      async stop() {
        if (child.exitCode === null) {
          child.stdin.end();
          const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
          await exited;
          clearTimeout(timer);
        }
        await rm(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    child.kill("SIGKILL");
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}
