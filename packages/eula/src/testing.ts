/**
 * Test helpers for packages that handle EULAs. Not for production code: nothing here
 * validates input, and the fixtures are read synchronously.
 */
import { readFileSync } from "node:fs";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";

export type EulaFixtureName = "encrypted" | "truncated" | "no-pages" | "random-bytes" | "one-page";

// A fixed date keeps generated files byte-identical from run to run, so tests can compare hashes.
const FIXED_DATE = new Date("2024-01-01T00:00:00.000Z");

export type MakePdfOptions = {
  /** Text drawn on every page, after a "Page n of m" line. */
  text?: string;
  /** pdf-lib's default packs objects into object streams; `false` writes a classic xref table. */
  useObjectStreams?: boolean;
};

/** A small, deterministic A4 PDF with `pageCount` pages of Helvetica text (0 is allowed). */
export async function makePdf(pageCount: number, options: MakePdfOptions = {}): Promise<Uint8Array> {
  if (!Number.isInteger(pageCount) || pageCount < 0) {
    throw new RangeError(`pageCount must be a non-negative integer, got ${pageCount}`);
  }
  // updateMetadata: false stops pdf-lib stamping "now" and its own producer into the Info dict.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle("Offerkit test EULA");
  doc.setProducer("@offerkit/eula testing");
  doc.setCreator("@offerkit/eula testing");
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const text = options.text ?? "End User License Agreement. Sample text for tests.";
  for (let index = 0; index < pageCount; index += 1) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Page ${index + 1} of ${pageCount}`, { x: 72, y: 770, size: 14, font, color: rgb(0, 0, 0) });
    page.drawText(text, { x: 72, y: 740, size: 11, font, color: rgb(0, 0, 0), maxWidth: 450, lineHeight: 14 });
  }
  // addDefaultPage: pdf-lib otherwise gives a zero-page document one blank page on save.
  return doc.save({ useObjectStreams: options.useObjectStreams ?? true, addDefaultPage: false });
}

/** The bytes of a committed fixture in `packages/eula/fixtures/` (see scripts/make-fixtures.ts). */
export function loadEulaFixture(name: EulaFixtureName): Uint8Array {
  const buffer = readFileSync(new URL(`../fixtures/${name}.pdf`, import.meta.url));
  // A plain Uint8Array, not a Buffer: equality checks in tests compare the two types as different.
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
