import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Runs `qpdf <args> in.pdf out.pdf` on `input` and answers the output. `--static-id` (and
 * `--static-aes-iv` for AES) are qpdf's switches for reproducible output; only AES-256 still
 * draws a random key and salts.
 */
export function qpdf(input: Uint8Array, args: string[]): Uint8Array {
  const scratch = mkdtempSync(join(tmpdir(), "eula-corpus-"));
  try {
    const source = join(scratch, "in.pdf");
    const target = join(scratch, "out.pdf");
    writeFileSync(source, input);
    const dashDash = args.indexOf("--");
    const command = dashDash < 0 ? [...args, source, target] : [...args.slice(0, dashDash), "--", source, target];
    try {
      execFileSync("qpdf", ["--static-id", ...command], { stdio: ["ignore", "ignore", "pipe"], encoding: "latin1" });
    } catch (error) {
      // qpdf exits 3 after writing a file it had to warn about; anything else is a failure.
      const status = typeof error === "object" && error !== null && "status" in error ? error.status : undefined;
      const stderr = typeof error === "object" && error !== null && "stderr" in error ? String(error.stderr) : String(error);
      if (status !== 3) throw new Error(`qpdf ${command.join(" ")}: ${stderr.trim()}`);
    }
    return new Uint8Array(readFileSync(target));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
