/**
 * Test helpers for packages that handle EULAs. Not for production code: nothing here
 * validates input, and the fixtures are read synchronously.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { PDFArray, PDFDocument, PDFName, PDFRawStream, StandardFonts, decodePDFRawStream, rgb } from "pdf-lib";

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

/**
 * A stamping worker for `createStampPool({ workerUrl })` that crashes on any job whose footer
 * names account `CRASHING_ACCOUNT`, and stamps every other job as the real worker does.
 */
export const crashingStampWorkerUrl = new URL("./crashing-stamp-worker.fixture.mjs", import.meta.url);
export const CRASHING_ACCOUNT = "666666666666";

export interface PageTexts {
  /** Who read the text: poppler's `pdftotext` when installed, else this file's content-stream reader. */
  reader: "pdftotext" | "content streams";
  /** The text of each page, in order. */
  pages: string[];
}

/**
 * The text of every page of `bytes`. Read by poppler's `pdftotext` (Debian's poppler-utils) when
 * it is on PATH, an independent judge of what a viewer shows; otherwise from the decoded content
 * streams, which finds text written as pdf-lib writes it (hex strings shown with `Tj`, WinAnsi),
 * as `makePdf` and `stampEula` do, and nothing else.
 */
export async function textOfPages(bytes: Uint8Array): Promise<PageTexts> {
  let output: string | null = null;
  try {
    output = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: bytes, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });
  } catch (error) {
    if (!(error instanceof Error && "code" in error && error.code === "ENOENT")) throw error;
  }
  // pdftotext ends every page with a form feed.
  if (output !== null) return { reader: "pdftotext", pages: output.split("\f").slice(0, -1) };
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = doc.getPages().map((page) => {
    const contents = page.node.lookup(PDFName.of("Contents"));
    const refs = contents instanceof PDFArray ? contents.asArray() : contents === undefined ? [] : [contents];
    const streams = refs.map((ref) => doc.context.lookup(ref)).filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream);
    const content = streams.map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1")).join("\n");
    return [...content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map((match) => winAnsi(Buffer.from(match[1] ?? "", "hex"))).join("\n");
  });
  return { reader: "content streams", pages };
}

// The code points WinAnsi puts where Latin-1 has control characters (0x80-0x9F); 0 where it has none.
const WIN_ANSI_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function winAnsi(codes: Uint8Array): string {
  return String.fromCodePoint(...Array.from(codes, (code) => (code >= 0x80 && code <= 0x9f ? WIN_ANSI_HIGH[code - 0x80] || 0xfffd : code)));
}

export { S3_TEST_CREDENTIALS, startS3Server } from "./s3-server";
export type { S3TestServer } from "./s3-server";
