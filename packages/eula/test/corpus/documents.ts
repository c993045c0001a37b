import type { PdfWriter } from "./pdf-writer";

/** Object numbers of the documents `writeDocument` makes. */
export const CATALOG = 1;
export const PAGES = 2;
export const FONT = 3;
export const INFO = 4;
/** Page n (from 1) is object 3 + 2n; its content stream the object after it. */
export function pageObject(page: number): number {
  return 3 + 2 * page;
}

export type DocumentOptions = {
  pages: number;
  /** The header line; a binary-marker comment line always follows it. */
  version?: string;
  /** Text between tokens where PDF allows whitespace (a comment line, say). */
  gap?: string;
  /** Line ending used inside objects. */
  eol?: string;
  /** Objects left out, for the caller to write its own way. */
  omit?: number[];
};

/**
 * Writes the header and the objects of a small document: catalog 1, page tree 2, font 3, info 4,
 * then each page and its content stream. The caller adds the cross-reference section(s).
 */
export function writeDocument(writer: PdfWriter, options: DocumentOptions): PdfWriter {
  const gap = options.gap ?? " ";
  const eol = options.eol ?? "\n";
  writer.raw(`%PDF-${options.version ?? "1.7"}${eol}%\xe2\xe3\xcf\xd3${eol}`);
  const kids = Array.from({ length: options.pages }, (_, index) => `${pageObject(index + 1)} 0 R`).join(gap);
  const omit = new Set(options.omit ?? []);
  const write = (number: number, body: string): void => {
    if (!omit.has(number)) writer.object(number, body);
  };
  write(CATALOG, `<<${gap}/Type${gap}/Catalog${gap}/Pages${gap}${PAGES}${gap}0${gap}R${gap}>>`);
  write(PAGES, `<<${gap}/Type /Pages${gap}/Kids${gap}[${gap}${kids}${gap}]${gap}/Count${gap}${options.pages}${gap}/MediaBox [0 0 612 792]${gap}>>`);
  write(FONT, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  write(INFO, "<< /Title (Offerkit corpus) /Producer (Offerkit corpus writer) >>");
  for (let page = 1; page <= options.pages; page += 1) writePage(writer, page, { gap, omit: [...omit] });
  return writer;
}

/** Page `page` and its content stream, at the numbers `pageObject` gives. */
export function writePage(writer: PdfWriter, page: number, options: { gap?: string; text?: string; omit?: number[] } = {}): PdfWriter {
  const gap = options.gap ?? " ";
  const number = pageObject(page);
  const omit = new Set(options.omit ?? []);
  if (!omit.has(number)) {
    writer.object(number, `<<${gap}/Type${gap}/Page${gap}/Parent${gap}${PAGES} 0 R${gap}/Resources << /Font << /F1 ${FONT} 0 R >> >>${gap}/Contents${gap}${number + 1}${gap}0${gap}R${gap}>>`);
  }
  if (!omit.has(number + 1)) writer.stream(number + 1, "", `BT /F1 18 Tf 72 700 Td (${options.text ?? `Corpus page ${page}`}) Tj ET`);
  return writer;
}

/** The trailer entries of such a document. */
export function trailerOf(size: number): string {
  return `/Size ${size} /Root ${CATALOG} 0 R /Info ${INFO} 0 R`;
}

/** One past the highest object number of a document with `pages` pages. */
export function sizeOf(pages: number): number {
  return pageObject(pages) + 2;
}
