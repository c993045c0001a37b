/**
 * Regenerates the committed fixtures in ../fixtures. Needs Debian's `qpdf` on PATH (only this
 * script does; the tests read the committed files). Run: `pnpm --filter @offerkit/eula fixtures`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PDFDocument } from "pdf-lib";
import { makePdf } from "../src/testing";

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "eula-fixtures-"));

function write(name: string, bytes: Uint8Array): void {
  writeFileSync(join(fixtures, name), bytes);
  console.log(`${name}: ${bytes.length} bytes`);
}

try {
  const onePage = await makePdf(1, { text: "Offerkit sample EULA, one page." });
  write("one-page.pdf", onePage);

  const empty = await PDFDocument.create({ updateMetadata: false });
  // addDefaultPage: pdf-lib otherwise adds a blank page to a document that has none.
  write("no-pages.pdf", await empty.save({ addDefaultPage: false }));

  // A classic xref table keeps every object as plain text, so the first 60% still holds whole,
  // parseable objects (catalog, page tree, the first pages): the case a lenient parser "recovers".
  const classic = await makePdf(3, { useObjectStreams: false, text: "Offerkit sample EULA, truncated copy." });
  write("truncated.pdf", classic.subarray(0, Math.floor(classic.length * 0.6)));

  // A fixed xorshift seed: the same "upload of something that is not a PDF" every time.
  const random = new Uint8Array(2048);
  let state = 0x2545f491;
  for (let index = 0; index < random.length; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    random[index] = state & 0xff;
  }
  write("random-bytes.pdf", random);

  const plain = join(scratch, "plain.pdf");
  const encrypted = join(scratch, "encrypted.pdf");
  const linearized = join(scratch, "linearized.pdf");
  writeFileSync(plain, await makePdf(1, { text: "Offerkit sample EULA, encrypted copy." }));
  // --static-id and --static-aes-iv are qpdf's testing switches. They fix the ID and the IVs,
  // but AES-256 (R6) still draws a random file key and salts: this one fixture differs on
  // every run, while the others are byte-identical.
  execFileSync("qpdf", ["--static-id", "--static-aes-iv", "--encrypt", "user", "owner", "256", "--", plain, encrypted]);
  write("encrypted.pdf", readFileSync(encrypted));

  // Not one of loadEulaFixture's names: a valid file whose last startxref points at the
  // first-page xref near the start, which the damaged-file rules must still accept.
  writeFileSync(plain, await makePdf(3, { text: "Offerkit sample EULA, linearized copy." }));
  execFileSync("qpdf", ["--static-id", "--linearize", plain, linearized]);
  write("linearized.pdf", readFileSync(linearized));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
