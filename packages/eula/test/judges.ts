import { spawnSync } from "node:child_process";
import { basename } from "node:path";

/**
 * What an independent PDF reader makes of a file: it reads it cleanly with some number of pages
 * (0 included), it cannot read it as written, or it reports it encrypted.
 */
export type ToolVerdict =
  | { kind: "pages"; pages: number }
  | { kind: "damaged"; why: string }
  | { kind: "encrypted"; why: string };

type Run = { status: number | null; stdout: string; stderr: string };

/** Runs a judge on `file`; the file's path is shortened to its name in what it prints. */
function run(command: string, args: string[], file: string): Run {
  const result = spawnSync(command, [...args, file], { encoding: "latin1", timeout: 30_000 });
  if (result.error !== undefined) throw result.error;
  const name = basename(file);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.split(file).join(name) };
}

function firstLine(text: string): string {
  return text.split(/\r?\n/).find((line) => line.trim() !== "")?.trim() ?? "(no message)";
}

/** The tools the agreement test runs, with the package that brings each one on Debian. */
export const JUDGE_TOOLS = [
  { command: "pdfinfo", debianPackage: "poppler-utils" },
  { command: "qpdf", debianPackage: "qpdf" },
] as const;

/** The judge tools that cannot be run here, named by their Debian package. */
export function missingJudgeTools(): string[] {
  return JUDGE_TOOLS.filter(({ command }) => {
    const probe = spawnSync(command, ["--version"], { encoding: "latin1" });
    return probe.error !== undefined;
  }).map(({ debianPackage }) => debianPackage);
}

// What pdfinfo says, and only says, about a document whose page tree is empty.
const NO_PAGES = [/^Syntax Error: Invalid page count 0$/, /^Command Line Error: Wrong page range given: the first page \(1\) can not be after the last page \(0\)\.$/];

/**
 * poppler's `pdfinfo`, asked for every page's size. Clean means it exits 0 and says nothing on
 * stderr: poppler reports there every repair it made (a rebuilt cross-reference table, an object
 * it skipped), and a repaired file is one it could not read as written. A page it lists as
 * 0 x 0 is one it could not find. A document without pages is an error to pdfinfo, with its own
 * message: that is read as 0 pages.
 */
export function pdfinfoVerdict(file: string): ToolVerdict {
  const { status, stdout, stderr } = run("pdfinfo", ["-f", "1", "-l", "1000000"], file);
  if (/Incorrect password/i.test(stderr)) return { kind: "encrypted", why: "pdfinfo: needs a password" };
  if (/^Encrypted:\s+yes/m.test(stdout)) return { kind: "encrypted", why: "pdfinfo: Encrypted: yes" };
  const complaints = stderr.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (complaints.length > 0 && complaints.every((line) => NO_PAGES.some((pattern) => pattern.test(line)))) return { kind: "pages", pages: 0 };
  if (status !== 0) return { kind: "damaged", why: `pdfinfo exits ${String(status)}: ${firstLine(stderr)}` };
  if (complaints.length > 0) return { kind: "damaged", why: `pdfinfo repairs: ${firstLine(stderr)}` };
  const pages = /^Pages:\s+(\d+)/m.exec(stdout)?.[1];
  if (pages === undefined) return { kind: "damaged", why: "pdfinfo reports no page count" };
  const lost = /^Page\s+(\d+) size:\s+0 x 0 pts/m.exec(stdout)?.[1];
  if (lost !== undefined) return { kind: "damaged", why: `pdfinfo finds no page ${lost} (size 0 x 0)` };
  return { kind: "pages", pages: Number(pages) };
}

/**
 * qpdf. Clean means `qpdf --check` exits 0 (2 is errors, 3 warnings: qpdf warns for every
 * repair, a rebuilt cross-reference table first). `--requires-password` exits 0 (a password is
 * needed) or 3 (encrypted, openable without one) for an encrypted file. `--show-npages` repeats
 * the page tree's /Count; the pages qpdf finds walking the tree (`--show-pages`) must match it.
 */
export function qpdfVerdict(file: string): ToolVerdict {
  const encryption = run("qpdf", ["--requires-password"], file);
  if (encryption.status === 0) return { kind: "encrypted", why: "qpdf: needs a password" };
  if (encryption.status === 3) return { kind: "encrypted", why: "qpdf: encrypted, no password needed" };
  const check = run("qpdf", ["--check"], file);
  if (check.status !== 0) {
    const output = `${check.stderr}\n${check.stdout}`;
    const complaint = output.split(/\r?\n/).find((line) => /WARNING|error|qpdf:/i.test(line)) ?? firstLine(output);
    return { kind: "damaged", why: `qpdf --check exits ${String(check.status)}: ${complaint.trim()}` };
  }
  const count = run("qpdf", ["--show-npages"], file);
  const pages = Number(count.stdout.trim());
  if (count.status !== 0 || !Number.isSafeInteger(pages)) return { kind: "damaged", why: `qpdf --show-npages: ${firstLine(count.stderr)}` };
  const walk = run("qpdf", ["--show-pages"], file);
  const found = walk.stdout.split(/\r?\n/).filter((line) => /^page \d+:/.test(line)).length;
  if (walk.status !== 0) return { kind: "damaged", why: `qpdf --show-pages exits ${String(walk.status)}: ${firstLine(walk.stderr)}` };
  if (found !== pages) return { kind: "damaged", why: `qpdf finds ${found} pages where the page tree declares ${pages}` };
  return { kind: "pages", pages };
}
