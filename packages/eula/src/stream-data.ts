import { PDFArray, PDFDict, PDFName, PDFNumber, decodePDFRawStream } from "pdf-lib";
import type { PDFRawStream } from "pdf-lib";

/**
 * The decoded data of a stream, predictors included, at most `limit` bytes of it before the
 * predictor (a few bytes of Flate can expand to gigabytes). pdf-lib undoes the filters but
 * ignores /DecodeParms' /Predictor, which writers such as qpdf and Acrobat use on
 * cross-reference streams (PDF 32000, 7.4.4.4). Throws on data that does not decode.
 */
export function decodeStreamData(stream: PDFRawStream, limit: number): Uint8Array {
  // getBytes answers a clamped array only when asked to; either views the same bytes.
  const raw = decodePDFRawStream(stream).getBytes(limit);
  const decoded = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  const parms = lastDecodeParms(stream.dict);
  if (parms === undefined) return decoded;
  const predictor = numberIn(parms, "Predictor", 1);
  if (predictor === 1) return decoded;
  const columns = numberIn(parms, "Columns", 1);
  const colors = numberIn(parms, "Colors", 1);
  const bits = numberIn(parms, "BitsPerComponent", 8);
  if (bits !== 8) throw new Error(`predictor with ${bits} bits per component`);
  if (predictor === 2) return undoTiff(decoded, columns * colors, colors);
  if (predictor >= 10) return undoPng(decoded, columns * colors, colors);
  throw new Error(`unknown predictor ${predictor}`);
}

/** The parameters of the last filter, the one whose output a predictor applies to. */
function lastDecodeParms(dict: PDFDict): PDFDict | undefined {
  const parms = dict.lookup(PDFName.of("DecodeParms"));
  if (parms instanceof PDFDict) return parms;
  if (parms instanceof PDFArray && parms.size() > 0) {
    const last = parms.lookup(parms.size() - 1);
    return last instanceof PDFDict ? last : undefined;
  }
  return undefined;
}

function numberIn(dict: PDFDict, key: string, fallback: number): number {
  const value = dict.lookup(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : fallback;
}

/** PNG predictors: each row starts with its own filter type byte (RFC 2083, 6). */
function undoPng(data: Uint8Array, rowLength: number, pixelBytes: number): Uint8Array {
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  for (let row = 0; row < rows; row += 1) {
    const filter = data[row * (rowLength + 1)];
    const input = row * (rowLength + 1) + 1;
    const at = row * rowLength;
    for (let column = 0; column < rowLength; column += 1) {
      const raw = data[input + column] ?? 0;
      const left = column >= pixelBytes ? (out[at + column - pixelBytes] ?? 0) : 0;
      const up = row > 0 ? (out[at - rowLength + column] ?? 0) : 0;
      const upLeft = row > 0 && column >= pixelBytes ? (out[at - rowLength + column - pixelBytes] ?? 0) : 0;
      out[at + column] = (raw + predict(filter, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function predict(filter: number | undefined, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return Math.floor((left + up) / 2);
    case 4: {
      const estimate = left + up - upLeft;
      const toLeft = Math.abs(estimate - left);
      const toUp = Math.abs(estimate - up);
      const toUpLeft = Math.abs(estimate - upLeft);
      if (toLeft <= toUp && toLeft <= toUpLeft) return left;
      return toUp <= toUpLeft ? up : upLeft;
    }
    default:
      throw new Error(`unknown PNG filter type ${String(filter)}`);
  }
}

/** TIFF predictor 2 on 8-bit components: each byte is stored as the difference from its left neighbour. */
function undoTiff(data: Uint8Array, rowLength: number, pixelBytes: number): Uint8Array {
  const out = data.slice();
  for (let start = 0; start < out.length; start += rowLength) {
    for (let column = pixelBytes; column < rowLength && start + column < out.length; column += 1) {
      out[start + column] = ((out[start + column] ?? 0) + (out[start + column - pixelBytes] ?? 0)) & 0xff;
    }
  }
  return out;
}
