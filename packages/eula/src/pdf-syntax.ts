/**
 * The few pieces of PDF's lexical syntax the structure checks read directly from the bytes
 * (PDF 32000, 7.2). A comment runs from `%` to the end of the line and counts as whitespace
 * wherever whitespace may stand, as every reader treats it.
 */
import { Buffer } from "node:buffer";

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const PERCENT = 0x25;

/** A Buffer over the same memory, for its fast byte search; nothing is copied. */
export function view(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function latin1(bytes: Uint8Array, start: number, end: number): string {
  return view(bytes).toString("latin1", Math.max(0, start), Math.min(end, bytes.byteLength));
}

/** The position of the first byte at or after `position` that is neither whitespace nor inside a comment. */
export function skipWhitespaceAndComments(bytes: Uint8Array, position: number): number {
  let at = position;
  while (at < bytes.length) {
    const byte = bytes[at];
    if (byte === undefined) break;
    if (WHITESPACE.has(byte)) {
      at += 1;
    } else if (byte === PERCENT) {
      while (at < bytes.length && bytes[at] !== 0x0a && bytes[at] !== 0x0d) at += 1;
    } else {
      break;
    }
  }
  return at;
}

/** Whether `keyword` stands at `position` as a whole token (not the start of a longer word). */
export function isKeywordAt(bytes: Uint8Array, position: number, keyword: string): boolean {
  for (let index = 0; index < keyword.length; index += 1) {
    if (bytes[position + index] !== keyword.charCodeAt(index)) return false;
  }
  const next = bytes[position + keyword.length];
  return next === undefined || WHITESPACE.has(next) || DELIMITERS.has(next);
}

/** A non-negative integer token at `position` (no sign, no decimal point), and where it ends. */
export function readInteger(bytes: Uint8Array, position: number): { value: number; end: number } | undefined {
  let end = position;
  let value = 0;
  // Read from the bytes rather than through a string: cross-reference tables hold thousands.
  for (let byte = bytes[end]; byte !== undefined && byte >= 0x30 && byte <= 0x39; byte = bytes[end]) {
    value = value * 10 + (byte - 0x30);
    end += 1;
  }
  if (end === position) return undefined;
  const next = bytes[end];
  if (next !== undefined && !WHITESPACE.has(next) && !DELIMITERS.has(next)) return undefined;
  return Number.isSafeInteger(value) ? { value, end } : undefined;
}

/** `N G obj` at `position`, tokens separated by whitespace or comments, and where it ends. */
export function readObjectHeader(bytes: Uint8Array, position: number): { number: number; generation: number; end: number } | undefined {
  const number = readInteger(bytes, skipWhitespaceAndComments(bytes, position));
  if (number === undefined) return undefined;
  const generation = readInteger(bytes, skipWhitespaceAndComments(bytes, number.end));
  if (generation === undefined) return undefined;
  const keyword = skipWhitespaceAndComments(bytes, generation.end);
  if (!isKeywordAt(bytes, keyword, "obj")) return undefined;
  return { number: number.value, generation: generation.value, end: keyword + "obj".length };
}

// Readers look for the header in the first 1024 bytes (PDF 1.7 reference, implementation
// note 13): mail gateways and download scripts sometimes put a line or two in front of it.
const HEADER_WINDOW = 1024;

/** Where `%PDF-d.d` starts, if it starts within the first 1024 bytes. */
export function findHeader(bytes: Uint8Array): number | undefined {
  const match = /%PDF-\d\.\d/.exec(latin1(bytes, 0, HEADER_WINDOW + 8));
  return match === null || match.index >= HEADER_WINDOW ? undefined : match.index;
}
