import { PDFArray, PDFDict, PDFName, PDFNumber, PDFObjectParser, PDFRawStream } from "pdf-lib";
import type { PDFContext, PDFObject } from "pdf-lib";
import type { Check } from "./check";
import { isKeywordAt, readInteger, readObjectHeader, skipWhitespaceAndComments } from "./pdf-syntax";
import { decodeStreamData } from "./stream-data";

/** Where one object is, as a cross-reference section records it (PDF 32000, 7.5.4 and 7.5.8.3). */
export type XrefEntry =
  | { kind: "free" }
  | { kind: "offset"; offset: number; generation: number }
  | { kind: "compressed"; stream: number; index: number };

/**
 * One cross-reference section: a classic table with its trailer, or a cross-reference stream
 * (with its own object number and generation in `self`).
 */
export type XrefSection =
  | { kind: "table"; entries: Map<number, XrefEntry>; dictionary: PDFDict }
  | { kind: "stream"; entries: Map<number, XrefEntry>; dictionary: PDFDict; self: { number: number; generation: number } };

/**
 * Reads the section at byte `position`: `xref ... trailer <<...>>`, or an `N G obj` stream of
 * /Type /XRef. `pointer` names what led here, for the message ("its startxref pointer").
 */
export function readXrefSection(bytes: Uint8Array, position: number, context: PDFContext, pointer: string): Check<{ section: XrefSection }> {
  const start = skipWhitespaceAndComments(bytes, position);
  if (isKeywordAt(bytes, start, "xref")) return readTable(bytes, start + "xref".length, context);
  const header = readObjectHeader(bytes, start);
  if (header !== undefined) return readStream(bytes, header, context, pointer);
  return { ok: false, detail: `${pointer} does not lead to a cross-reference section` };
}

function readTable(bytes: Uint8Array, afterKeyword: number, context: PDFContext): Check<{ section: XrefSection }> {
  const entries = new Map<number, XrefEntry>();
  let at = skipWhitespaceAndComments(bytes, afterKeyword);
  while (!isKeywordAt(bytes, at, "trailer")) {
    const first = readInteger(bytes, at);
    const count = first === undefined ? undefined : readInteger(bytes, skipWhitespaceAndComments(bytes, first.end));
    if (first === undefined || count === undefined) return { ok: false, detail: "its cross-reference table is malformed or has no trailer" };
    at = skipWhitespaceAndComments(bytes, count.end);
    for (let index = 0; index < count.value; index += 1) {
      const offset = readInteger(bytes, at);
      const generation = offset === undefined ? undefined : readInteger(bytes, skipWhitespaceAndComments(bytes, offset.end));
      const type = generation === undefined ? undefined : skipWhitespaceAndComments(bytes, generation.end);
      if (offset === undefined || generation === undefined || type === undefined) {
        return { ok: false, detail: "its cross-reference table is cut short or malformed" };
      }
      const number = first.value + index;
      if (isKeywordAt(bytes, type, "n")) {
        if (!entries.has(number)) entries.set(number, { kind: "offset", offset: offset.value, generation: generation.value });
      } else if (isKeywordAt(bytes, type, "f")) {
        if (!entries.has(number)) entries.set(number, { kind: "free" });
      } else {
        return { ok: false, detail: "its cross-reference table has an entry that is neither in use nor free" };
      }
      at = skipWhitespaceAndComments(bytes, type + 1);
    }
  }
  const dictionary = parseObjectAt(bytes, at + "trailer".length, context);
  if (!(dictionary instanceof PDFDict)) return { ok: false, detail: "its cross-reference table has no trailer dictionary" };
  return { ok: true, section: { kind: "table", entries, dictionary } };
}

function readStream(
  bytes: Uint8Array,
  header: { number: number; generation: number; end: number },
  context: PDFContext,
  pointer: string,
): Check<{ section: XrefSection }> {
  const stream = parseObjectAt(bytes, header.end, context);
  if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of("Type")) !== PDFName.of("XRef")) {
    return { ok: false, detail: `${pointer} does not lead to a cross-reference stream` };
  }
  const widths = numbers(stream.dict.lookup(PDFName.of("W")));
  const size = stream.dict.lookup(PDFName.of("Size"));
  const index = numbers(stream.dict.lookup(PDFName.of("Index"))) ?? (size instanceof PDFNumber ? [0, size.asNumber()] : undefined);
  const [typeWidth, secondWidth, thirdWidth] = widths ?? [];
  if (typeWidth === undefined || secondWidth === undefined || thirdWidth === undefined || index === undefined || index.length % 2 !== 0) {
    return { ok: false, detail: "its cross-reference stream is malformed" };
  }
  const rowLength = typeWidth + secondWidth + thirdWidth;
  const rows = index.reduce((sum, value, position) => (position % 2 === 1 ? sum + value : sum), 0);
  // Every object takes some bytes of the file: a stream claiming more is not a real one.
  if (rowLength === 0 || rows > bytes.length) return { ok: false, detail: "its cross-reference stream is malformed" };
  let data: Uint8Array;
  try {
    // A predictor adds a byte to each row; nothing past that is ever read.
    data = decodeStreamData(stream, rows * (rowLength + 1) + 1024);
  } catch {
    return { ok: false, detail: "its cross-reference stream cannot be decoded" };
  }
  const entries = new Map<number, XrefEntry>();
  let row = 0;
  for (let pair = 0; pair < index.length; pair += 2) {
    const first = index[pair] ?? 0;
    const count = index[pair + 1] ?? 0;
    if ((row + count) * rowLength > data.length) return { ok: false, detail: "its cross-reference stream is cut short" };
    for (let item = 0; item < count; item += 1, row += 1) {
      const at = row * rowLength;
      // A type field of width 0 means every entry is type 1 (PDF 32000, table 17).
      const type = typeWidth === 0 ? 1 : field(data, at, typeWidth);
      const second = field(data, at + typeWidth, secondWidth);
      const third = field(data, at + typeWidth + secondWidth, thirdWidth);
      const number = first + item;
      if (entries.has(number)) continue;
      // Unknown types are to be read as null references, like free entries.
      if (type === 1) entries.set(number, { kind: "offset", offset: second, generation: third });
      else if (type === 2) entries.set(number, { kind: "compressed", stream: second, index: third });
      else entries.set(number, { kind: "free" });
    }
  }
  const self = { number: header.number, generation: header.generation };
  return { ok: true, section: { kind: "stream", entries, dictionary: stream.dict, self } };
}

/** One object parsed with pdf-lib's parser, which skips whitespace and comments before it; undefined if it does not parse. */
function parseObjectAt(bytes: Uint8Array, position: number, context: PDFContext): PDFObject | undefined {
  try {
    return PDFObjectParser.forBytes(bytes.subarray(position), context).parseObject();
  } catch {
    return undefined;
  }
}

function numbers(value: PDFObject | undefined): number[] | undefined {
  if (!(value instanceof PDFArray)) return undefined;
  const list = value.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : Number.NaN));
  return list.every((item) => Number.isSafeInteger(item) && item >= 0) ? list : undefined;
}

/** A big-endian unsigned field; widths beyond 6 bytes cannot hold a real offset anyway. */
function field(data: Uint8Array, at: number, width: number): number {
  let value = 0;
  for (let index = 0; index < width; index += 1) value = value * 256 + (data[at + index] ?? 0);
  return value;
}
