/**
 * Writes the agreement corpus to ../corpus (see README.md, "The agreement corpus"). Needs Debian's
 * `qpdf` on PATH. Run: `pnpm --filter @offerkit/eula corpus`. Files no longer in the list are
 * removed; every file but the qpdf-made ones comes out byte-identical on every run.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CORPUS } from "../test/corpus";

const directory = fileURLToPath(new URL("../corpus/", import.meta.url));
mkdirSync(directory, { recursive: true });
const names = new Set(CORPUS.map((entry) => `${entry.name}.pdf`));
for (const file of readdirSync(directory)) {
  if (file.endsWith(".pdf") && !names.has(file)) rmSync(join(directory, file));
}
for (const entry of CORPUS) {
  const bytes = await entry.build();
  writeFileSync(join(directory, `${entry.name}.pdf`), bytes);
  console.log(`${entry.name}.pdf: ${bytes.byteLength} bytes`);
}
