// The one implementation of EULA stamping, used by `stamp.ts` on the caller's thread and by
// `stamp-worker.mjs` on a worker's. Plain JavaScript, typed by `stamp-pdf.d.mts`: a worker
// starts without a TypeScript loader, under vitest and in a plain-node build alike.
import { PDFDocument, StandardFonts, degrees, rgb } from "pdf-lib";

const FONT_SIZE = 7;
const MIN_FONT_SIZE = 4;
/** Distance of the baseline from the visible bottom edge, and of the text from the side edges. */
const BOTTOM_MARGIN = 10;
const SIDE_MARGIN = 18;
const GREY = rgb(0.45, 0.45, 0.45);
// pdf-lib's defaults yield to the event loop through a 1 ms timer every 100 objects read and
// every 50 written, which made a 1000-page stamp take 300 ms instead of 185 ms; every 500 (its
// ParseSpeeds.Medium) still keeps each blocking stretch short.
const OBJECTS_PER_TURN = 500;

/**
 * @param {Uint8Array} bytes
 * @param {string} footer
 * @returns {Promise<Uint8Array>}
 */
export function stampEula(bytes, footer) {
  return stampPdf(bytes, footer, OBJECTS_PER_TURN);
}

/**
 * `stampEula` with the number of objects read or written between two turns of the event loop:
 * a worker, which has no one else to let run, passes `Infinity`.
 * @param {Uint8Array} bytes
 * @param {string} footer
 * @param {number} objectsPerTurn
 * @returns {Promise<Uint8Array>}
 */
export async function stampPdf(bytes, footer, objectsPerTurn) {
  const text = sanitizeFooter(footer);
  if (text === "") throw new RangeError("The footer is empty: a stamped EULA must name its offer.");
  // pdf-lib does not write to its input today; the copy (a memcpy) keeps "the stored original
  // is never modified" from depending on that.
  const doc = await PDFDocument.load(bytes.slice(), {
    updateMetadata: false,
    throwOnInvalidObject: true,
    parseSpeed: objectsPerTurn,
  });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const page of doc.getPages()) drawFooter(page, font, text);
  return doc.save({ objectsPerTick: objectsPerTurn });
}

/**
 * @typedef {import("pdf-lib").PDFPage} PDFPage
 * @typedef {import("pdf-lib").PDFFont} PDFFont
 * @typedef {{ x: number; y: number; width: number; height: number }} Box
 */

/**
 * @param {PDFPage} page
 * @param {PDFFont} font
 * @param {string} text
 */
function drawFooter(page, font, text) {
  const box = visibleBox(page);
  const rotation = displayRotation(page);
  // With /Rotate 90 or 270 the edge that the reader sees at the bottom is a vertical one.
  const across = rotation === 90 || rotation === 270 ? box.height : box.width;
  const { line, size } = fit(text, font, across - 2 * SIDE_MARGIN);
  const { x, y } = origin(box, rotation);
  page.drawText(line, { x, y, size, font, color: GREY, rotate: degrees(rotation) });
}

/**
 * /Rotate as 0, 90, 180 or 270. A malformed value is ignored, as viewers ignore it.
 * @param {PDFPage} page
 * @returns {number}
 */
function displayRotation(page) {
  let angle = 0;
  try {
    angle = page.getRotation().angle;
  } catch {
    return 0;
  }
  if (!Number.isFinite(angle)) return 0;
  return (((Math.round(angle / 90) * 90) % 360) + 360) % 360;
}

/**
 * The CropBox clipped to the MediaBox: the part of the page a viewer shows.
 * @param {PDFPage} page
 * @returns {Box}
 */
function visibleBox(page) {
  const media = normalize(page.getMediaBox());
  let crop = media;
  try {
    crop = normalize(page.getCropBox());
  } catch {
    // A malformed CropBox is ignored by viewers too; the MediaBox is what they show then.
  }
  const left = Math.max(media.x, crop.x);
  const bottom = Math.max(media.y, crop.y);
  const right = Math.min(media.x + media.width, crop.x + crop.width);
  const top = Math.min(media.y + media.height, crop.y + crop.height);
  if (right <= left || top <= bottom) return media;
  return { x: left, y: bottom, width: right - left, height: top - bottom };
}

/**
 * Boxes may be written with any two opposite corners; width and height come out negative then.
 * @param {Box} box
 * @returns {Box}
 */
function normalize(box) {
  return {
    x: Math.min(box.x, box.x + box.width),
    y: Math.min(box.y, box.y + box.height),
    width: Math.abs(box.width),
    height: Math.abs(box.height),
  };
}

/**
 * Where the text starts, in unrotated page space, so it reads left to right along the seen bottom.
 * @param {Box} box
 * @param {number} rotation
 * @returns {{ x: number; y: number }}
 */
function origin(box, rotation) {
  const right = box.x + box.width;
  const top = box.y + box.height;
  switch (rotation) {
    case 90:
      return { x: right - BOTTOM_MARGIN, y: box.y + SIDE_MARGIN };
    case 180:
      return { x: right - SIDE_MARGIN, y: top - BOTTOM_MARGIN };
    case 270:
      return { x: box.x + BOTTOM_MARGIN, y: top - SIDE_MARGIN };
    default:
      return { x: box.x + SIDE_MARGIN, y: box.y + BOTTOM_MARGIN };
  }
}

/**
 * Shrinks the text down to MIN_FONT_SIZE to fit, then cuts it with an ellipsis.
 * @param {string} text
 * @param {PDFFont} font
 * @param {number} width
 * @returns {{ line: string; size: number }}
 */
function fit(text, font, width) {
  const natural = font.widthOfTextAtSize(text, FONT_SIZE);
  if (natural <= width) return { line: text, size: FONT_SIZE };
  const size = Math.max(MIN_FONT_SIZE, (FONT_SIZE * width) / natural);
  let line = text;
  while (line.length > 1 && font.widthOfTextAtSize(line, size) > width) {
    line = `${line.slice(0, -2).trimEnd()}\u2026`;
  }
  return { line, size };
}

// WinAnsiEncoding (PDF 1.7, appendix D): printable ASCII, Latin-1 from U+00A0, and these
// characters that Windows-1252 puts in 0x80-0x9F.
const WIN_ANSI_EXTRAS = new Set(
  Array.from("\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"),
);

/**
 * @param {string} char
 * @returns {boolean}
 */
function isWinAnsi(char) {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char);
}

/**
 * @param {string} footer
 * @returns {string}
 */
export function sanitizeFooter(footer) {
  let result = "";
  for (const char of footer.normalize("NFC")) {
    if (/\s/u.test(char)) result += " ";
    else if (/[\p{Cc}\p{Cf}]/u.test(char)) continue;
    else if (isWinAnsi(char)) result += char;
    else {
      const base = Array.from(char.normalize("NFKD")).filter((part) => isWinAnsi(part) && !/\p{M}/u.test(part));
      result += base.length > 0 ? base.join("") : "?";
    }
  }
  return result.replace(/ {2,}/g, " ").trim();
}
