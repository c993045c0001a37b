import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { inspectEula } from "../src/index";
import { CORPUS } from "./corpus";
import { missingJudgeTools, pdfinfoVerdict, qpdfVerdict } from "./judges";
import { expectation, inspectionVerdict } from "./verdicts";
import type { Verdict } from "./verdicts";

const corpusFile = (name: string): string => fileURLToPath(new URL(`../corpus/${name}.pdf`, import.meta.url));
const missing = missingJudgeTools();
const agreed = new Map<string, Verdict>();
const matched: string[] = [];
const skipped: string[] = [];
const deliberate: string[] = [];

/** Fails, never skips: without its judges this test would prove nothing while staying green. */
function requireJudges(): void {
  if (missing.length > 0) {
    throw new Error(
      `The agreement test runs pdfinfo and qpdf, and this machine lacks ${missing.join(" and ")}. ` +
        "`npm test` installs them (scripts/pdf-tools.sh); by hand: apt-get install poppler-utils qpdf.",
    );
  }
}

describe("inspectEula against pdfinfo and qpdf, on every corpus file the two agree on", () => {
  afterAll(() => {
    if (missing.length > 0) return;
    const lines = [
      `Agreement corpus: ${CORPUS.length} files. pdfinfo and qpdf agree on ${agreed.size + deliberate.length}; inspectEula agrees with them on ${matched.length}.`,
      `Different on purpose, ${deliberate.length}:`,
      ...deliberate.map((line) => `  - ${line}`),
      `Skipped, ${skipped.length} files where pdfinfo and qpdf disagree:`,
      ...skipped.map((line) => `  - ${line}`),
    ];
    console.log(lines.join("\n"));
  });

  it.for(CORPUS)("$name: $about", async (entry, { skip }) => {
    requireJudges();
    const file = corpusFile(entry.name);
    const expected = expectation(pdfinfoVerdict(file), qpdfVerdict(file));
    const bytes = new Uint8Array(readFileSync(file));
    if (entry.deliberate !== undefined) {
      const tools = expected.agreed ? `pdfinfo and qpdf: ${expected.verdict}` : `pdfinfo and qpdf disagree (${expected.reason})`;
      deliberate.push(`${entry.name}: ${tools}; inspectEula: ${entry.deliberate.verdict}, because ${entry.deliberate.why}`);
      expect(inspectionVerdict(await inspectEula(bytes, { maxBytes: Number.MAX_SAFE_INTEGER }))).toBe(entry.deliberate.verdict);
      return;
    }
    if (!expected.agreed) {
      if (entry.mustAgree === true) throw new Error(`pdfinfo and qpdf must agree on ${entry.name}, and do not: ${expected.reason}`);
      skipped.push(`${entry.name}: ${expected.reason}`);
      skip(`pdfinfo and qpdf disagree: ${expected.reason}`);
      return;
    }
    agreed.set(entry.name, expected.verdict);
    const result = await inspectEula(bytes, { maxBytes: Number.MAX_SAFE_INTEGER });
    const detail = result.ok ? "" : ` (${result.message})`;
    expect(`${inspectionVerdict(result)}${detail}`, `${entry.name}: ${entry.about}`).toBe(`${expected.verdict}${detail}`);
    matched.push(entry.name);
  });

  it("has agreed files of every verdict, so the corpus still tests each one", () => {
    requireJudges();
    const verdicts = new Set([...agreed.values()].map((verdict) => (verdict.startsWith("accepted") ? "accepted" : verdict)));
    expect([...verdicts].sort()).toEqual(["accepted", "encrypted", "no pages", "unreadable"]);
  });
});
