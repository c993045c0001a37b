import type { Check } from "./check";
import { latin1, readInteger, skipWhitespaceAndComments } from "./pdf-syntax";

// Readers look for the final `startxref` in the last 1024 bytes (PDF 1.7 reference,
// implementation note 18): writers may add a newline, padding or a comment after it.
const TAIL_BYTES = 1024;

/**
 * The offset that the file's last `startxref` gives, where its cross-reference data starts.
 * The `%%EOF` that normally follows is not required: pdfinfo and qpdf both read a file that
 * ends right after the offset, so nothing is missing from it.
 */
export function readStartxref(bytes: Uint8Array): Check<{ offset: number; position: number }> {
  const tailStart = Math.max(0, bytes.byteLength - TAIL_BYTES);
  const keyword = latin1(bytes, tailStart, bytes.byteLength).lastIndexOf("startxref");
  if (keyword < 0) {
    return { ok: false, detail: "it does not end with a startxref pointer and %%EOF marker, so it is probably truncated" };
  }
  const position = tailStart + keyword;
  const offset = readInteger(bytes, skipWhitespaceAndComments(bytes, position + "startxref".length));
  if (offset === undefined) {
    return { ok: false, detail: "its startxref pointer has no offset, so it is probably truncated" };
  }
  return { ok: true, offset: offset.value, position };
}
