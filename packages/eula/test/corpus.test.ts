import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../src/index";
import { CORPUS } from "./corpus";

const directory = fileURLToPath(new URL("../corpus/", import.meta.url));

describe("the committed agreement corpus", () => {
  it("holds exactly the files the corpus list names", () => {
    const onDisk = readdirSync(directory).filter((file) => file.endsWith(".pdf")).sort();
    expect(onDisk).toEqual(CORPUS.map((entry) => `${entry.name}.pdf`).sort());
  });

  it("keeps every file small", () => {
    for (const entry of CORPUS) expect(readFileSync(`${directory}${entry.name}.pdf`).byteLength, entry.name).toBeLessThan(32 * 1024);
  });

  // qpdf-made files follow the qpdf version (and AES-256 draws random salts): not compared.
  it.each(CORPUS.filter((entry) => entry.madeWithQpdf !== true))("$name is what scripts/make-corpus.ts writes today", async (entry) => {
    const committed = new Uint8Array(readFileSync(`${directory}${entry.name}.pdf`));
    expect(sha256Hex(await entry.build())).toBe(sha256Hex(committed));
  });
});
