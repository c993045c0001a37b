import {
  EncryptedPDFError,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFPageLeaf,
  PDFPageTree,
  PDFRef,
  PDFStream,
  ParseSpeeds,
} from "pdf-lib";
import type { PDFContext, PDFObject } from "pdf-lib";
import { Buffer } from "node:buffer";
import { sha256Hex } from "./hash";

export type EulaRejection = "too_large" | "not_pdf" | "damaged" | "encrypted" | "no_pages";

export type EulaInspection =
  | { ok: true; sha256: string; size: number; pageCount: number }
  | { ok: false; reason: EulaRejection; message: string };

export type InspectEulaOptions = {
  /** Largest accepted file, in bytes. Checked before anything is parsed. */
  maxBytes: number;
};

/**
 * Decides whether `bytes` is an acceptable EULA: a readable, unencrypted PDF with at least one
 * page, no larger than `maxBytes`. Bad input never throws; it comes back as `{ ok: false }` with
 * a message that can be shown to the seller as is. See README.md for the exact rules.
 *
 * Cost follows the number of PDF objects, not bytes: about 2 ms for a simple 100-page file and
 * 30-45 ms for a 1000-page one, yielding to the event loop every 500 objects.
 */
export async function inspectEula(bytes: Uint8Array, options: InspectEulaOptions): Promise<EulaInspection> {
  const { maxBytes } = options;
  if (!Number.isFinite(maxBytes) || maxBytes < 0) {
    throw new RangeError(`maxBytes must be a non-negative number, got ${maxBytes}`);
  }
  const size = bytes.byteLength;
  // Before any parsing: the limit exists to bound the work done on hostile uploads.
  if (size > maxBytes) {
    return reject("too_large", tooLargeMessage(size, maxBytes));
  }
  if (!hasPdfHeader(bytes)) {
    return reject("not_pdf", "The EULA must be a PDF file; this file does not start with a PDF header.");
  }
  try {
    return await inspectPdf(bytes);
  } catch (error) {
    // pdf-lib can fail in ways it does not model (stack overflows on deep nesting, TypeErrors
    // on objects of the wrong type); for an upload they all mean the same thing.
    if (error instanceof EncryptedPDFError) return encrypted();
    return damaged(describeParseError(error));
  }
}

async function inspectPdf(bytes: Uint8Array): Promise<EulaInspection> {
  const trailer = locateTrailer(bytes);
  if (!trailer.ok) return damaged(trailer.detail);
  // Checked on the raw trailer because pdf-lib usually fails on an encrypted file's object
  // streams (they are ciphertext) before it gets to look at /Encrypt itself.
  if (ENCRYPT_ENTRY.test(trailer.dictionary)) return encrypted();

  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, {
      updateMetadata: false,
      // Without it pdf-lib swallows unparseable objects (logging to the console) and goes on.
      throwOnInvalidObject: true,
      // Yields to the event loop every 500 objects. The default (every 100, each a 1 ms timer)
      // made a 1000-page load 2.5x slower than never yielding; 500 costs about 25% and keeps
      // the longest stretch without yielding near 15 ms on a 1000-page file.
      parseSpeed: ParseSpeeds.Medium,
    });
  } catch (error) {
    if (error instanceof EncryptedPDFError) return encrypted();
    return damaged(describeParseError(error));
  }
  if (doc.isEncrypted) return encrypted();

  const pages = countPages(doc.context);
  if (!pages.ok) return damaged(pages.detail);
  if (pages.pageCount === 0) return reject("no_pages", "The EULA PDF has no pages.");
  return { ok: true, sha256: sha256Hex(bytes), size: bytes.byteLength, pageCount: pages.pageCount };
}

type Check<T> = ({ ok: true } & T) | { ok: false; detail: string };

function reject(reason: EulaRejection, message: string): EulaInspection {
  return { ok: false, reason, message };
}

function encrypted(): EulaInspection {
  return reject("encrypted", "The EULA PDF is password-protected or encrypted; upload an unprotected copy.");
}

function damaged(detail: string): EulaInspection {
  return reject("damaged", `The EULA PDF is damaged and cannot be read: ${detail}.`);
}

/** pdf-lib's messages carry a position as JSON or "offset=N"; a byte offset is all a person needs. */
function describeParseError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const offset = /offset["=:]+(\d+)/.exec(text)?.[1];
  if (offset !== undefined) return `the data near byte ${offset} is not valid PDF`;
  return `its structure cannot be parsed (${text.length > 120 ? `${text.slice(0, 117)}...` : text})`;
}

/** A Buffer over the same memory, for its fast byte search; nothing is copied. */
function view(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  return view(bytes).toString("latin1", start, Math.min(end, bytes.byteLength));
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  return /^%PDF-\d\.\d/.test(latin1(bytes, 0, 8));
}

// Acrobat accepts a file whose %%EOF is anywhere in its last 1024 bytes (PDF 1.7 reference,
// implementation note 18); writers may append a newline or padding after it, nothing more.
const TAIL_BYTES = 1024;
// Only a direct dictionary or an indirect reference: /EncryptMetadata must not match.
const ENCRYPT_ENTRY = /\/Encrypt\s*(?:<<|\d+\s+\d+\s+R)/;

/**
 * Finds the trailer that the file's last `startxref` points at, the way a strict reader would.
 * pdf-lib never reads the cross-reference data (it scans objects from the top), so a file cut
 * short at an object boundary still "loads" with pages silently missing; the end-of-file
 * structure is the one thing a truncation always destroys.
 */
function locateTrailer(bytes: Uint8Array): Check<{ dictionary: string }> {
  const tailStart = Math.max(0, bytes.byteLength - TAIL_BYTES);
  const tail = latin1(bytes, tailStart, bytes.byteLength);
  const eof = tail.lastIndexOf("%%EOF");
  if (eof < 0) {
    return { ok: false, detail: "it does not end with a %%EOF marker, so it is probably truncated" };
  }
  const pointer = /startxref\s+(\d+)\s+$/.exec(tail.slice(0, eof));
  const offsetText = pointer?.[1];
  if (pointer === null || offsetText === undefined) {
    return { ok: false, detail: "it has no startxref pointer before its %%EOF marker" };
  }
  const startxref = tailStart + pointer.index;
  const offset = Number(offsetText);
  if (!Number.isSafeInteger(offset) || offset >= startxref) {
    return { ok: false, detail: "its startxref pointer points outside the file" };
  }
  const section = latin1(bytes, offset, offset + 64).trimStart();
  if (section.startsWith("xref")) {
    // A classic table: the trailer dictionary follows it, up to the next startxref (not the
    // file's last one: in a linearized file the pointer leads to a table near the start).
    const keyword = view(bytes).indexOf("trailer", offset, "latin1");
    if (keyword < 0 || keyword > startxref) {
      return { ok: false, detail: "its cross-reference table has no trailer" };
    }
    const end = view(bytes).indexOf("startxref", keyword, "latin1");
    return { ok: true, dictionary: latin1(bytes, keyword, end) };
  }
  if (/^\d+\s+\d+\s+obj\b/.test(section)) {
    // A cross-reference stream (PDF 1.5+): its own dictionary is the trailer, and stream
    // dictionaries are never compressed.
    const stream = view(bytes).indexOf("stream", offset, "latin1");
    const dictionary = latin1(bytes, offset, stream < 0 ? startxref : stream);
    if (!/\/Type\s*\/XRef\b/.test(dictionary)) {
      return { ok: false, detail: "its startxref pointer does not lead to a cross-reference stream" };
    }
    return { ok: true, dictionary };
  }
  return { ok: false, detail: "its startxref pointer does not lead to a cross-reference section" };
}

/**
 * Walks the page tree from the catalog and counts the pages, checking what a viewer needs to
 * draw each one. pdf-lib's own traversal skips kids that do not resolve, which is how a damaged
 * file would otherwise pass with fewer pages than it claims.
 */
function countPages(context: PDFContext): Check<{ pageCount: number }> {
  const catalog = context.lookup(context.trailerInfo.Root);
  if (!(catalog instanceof PDFDict) || catalog.get(PDFName.of("Type")) !== PDFName.of("Catalog")) {
    return { ok: false, detail: "its document catalog is missing" };
  }
  const root = context.lookup(catalog.get(PDFName.of("Pages")));
  if (!(root instanceof PDFPageTree)) {
    return { ok: false, detail: "its page tree is missing" };
  }
  const declared = context.lookup(root.get(PDFName.of("Count")));
  if (!(declared instanceof PDFNumber)) {
    return { ok: false, detail: "its page tree has no page count" };
  }

  // Iterative and with a visited set: a hostile file can nest or loop the tree arbitrarily.
  const seen = new Set<PDFDict>([root]);
  const stack: PDFObject[] = [];
  let pageCount = 0;
  const pushKids = (node: PDFPageTree): string | undefined => {
    const kids = context.lookup(node.get(PDFName.of("Kids")));
    if (!(kids instanceof PDFArray)) return "a page tree node has no list of kids";
    for (let index = kids.size() - 1; index >= 0; index -= 1) stack.push(kids.get(index));
    return undefined;
  };
  const rootProblem = pushKids(root);
  if (rootProblem !== undefined) return { ok: false, detail: `its ${rootProblem}` };

  for (let kidRef = stack.pop(); kidRef !== undefined; kidRef = stack.pop()) {
    const kid = kidRef instanceof PDFRef ? context.lookup(kidRef) : undefined;
    const where = `page ${pageCount + 1}`;
    if (kid instanceof PDFPageTree) {
      if (seen.has(kid)) return { ok: false, detail: "its page tree contains a loop" };
      seen.add(kid);
      const problem = pushKids(kid);
      if (problem !== undefined) return { ok: false, detail: `near ${where}, ${problem}` };
    } else if (kid instanceof PDFPageLeaf) {
      if (seen.has(kid)) return { ok: false, detail: `${where} appears twice in the page tree` };
      seen.add(kid);
      const problem = checkPage(context, kid);
      if (problem !== undefined) return { ok: false, detail: `${where} ${problem}` };
      pageCount += 1;
    } else {
      return { ok: false, detail: `${where} is missing from the file` };
    }
  }
  if (declared.asNumber() !== pageCount) {
    return { ok: false, detail: `it declares ${declared.asNumber()} pages but contains ${pageCount}` };
  }
  return { ok: true, pageCount };
}

function checkPage(context: PDFContext, page: PDFPageLeaf): string | undefined {
  let mediaBox: PDFArray;
  try {
    // Inherited through /Parent, as pdf-lib (and so stampEula) resolves it.
    mediaBox = page.MediaBox();
  } catch {
    return "has no MediaBox (page size)";
  }
  const corners: number[] = [];
  for (let index = 0; index < mediaBox.size(); index += 1) {
    const value = mediaBox.lookup(index);
    if (value instanceof PDFNumber && Number.isFinite(value.asNumber())) corners.push(value.asNumber());
  }
  const [x1, y1, x2, y2] = corners;
  if (corners.length !== 4 || x1 === undefined || y1 === undefined || x2 === undefined || y2 === undefined) {
    return "has an invalid MediaBox (page size)";
  }
  if (x1 === x2 || y1 === y2) return "has an empty MediaBox (page size)";

  const contents = page.get(PDFName.of("Contents"));
  if (contents === undefined) return undefined;
  const resolved = context.lookup(contents);
  const streams = resolved instanceof PDFArray ? resolved.asArray().map((item) => context.lookup(item)) : [resolved];
  if (!streams.every((stream) => stream instanceof PDFStream)) return "has content that is missing from the file";
  return undefined;
}

const UNITS = [
  { size: 1024 * 1024, label: "MB" },
  { size: 1024, label: "KB" },
] as const;

/** "The EULA is 12.3 MB; the limit is 10 MB.", in binary units as file managers show them. */
function tooLargeMessage(size: number, maxBytes: number): string {
  let shown = formatSize(size, Math.round);
  let limit = formatSize(maxBytes, Math.round);
  // Never "10 MB; the limit is 10 MB": round the file up and the limit down when they collide.
  if (shown === limit) {
    shown = formatSize(size, Math.ceil);
    limit = formatSize(maxBytes, Math.floor);
  }
  return `The EULA is ${shown}; the limit is ${limit}.`;
}

function formatSize(bytes: number, round: (value: number) => number): string {
  const unit = UNITS.find((candidate) => bytes >= candidate.size);
  if (unit === undefined) return `${bytes} bytes`;
  const tenths = round((bytes / unit.size) * 10) / 10;
  return `${Number.isInteger(tenths) ? tenths.toFixed(0) : tenths.toFixed(1)} ${unit.label}`;
}
