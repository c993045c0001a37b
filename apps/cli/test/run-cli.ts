import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built binary, exactly what `npm i -g` would install. */
export const binary = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "main.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `offerkit <args>` with exactly the given environment (plus PATH), never the test's own. */
export function runCli(args: readonly string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [binary, ...args],
      { env: { PATH: process.env["PATH"] ?? "", ...options.env }, cwd: options.cwd, timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
