import { makePdf } from "../../src/testing";
import { CATALOG, INFO, PAGES, pageObject, sizeOf, trailerOf, writeDocument } from "./documents";
import type { CorpusEntry } from "./entry";
import { PdfWriter } from "./pdf-writer";
import { asBytes, asText, sameWidth, swap } from "./text";

const classic = (pages = 2): PdfWriter => writeDocument(new PdfWriter(), { pages }).xrefTable(trailerOf(sizeOf(pages)));
const text = (writer: PdfWriter): string => asText(writer.bytes());

/** Moves one object's table entry by `delta` bytes, keeping the entry's width. */
function shiftEntry(writer: PdfWriter, number: number, delta: number): Uint8Array {
  const offset = writer.offsets.get(number) ?? 0;
  return asBytes(swap(text(writer), `${sameWidth(offset, 10)} 00000 n`, () => `${sameWidth(Math.max(0, offset + delta), 10)} 00000 n`));
}

/** Rewrites the first /Prev's value, padded to its width. */
function rewritePrev(bytes: Uint8Array, value: number): Uint8Array {
  return asBytes(swap(asText(bytes), /\/Prev \d+/, (found) => `/Prev ${sameWidth(value, found.length - 6)}`));
}

/** The first `fraction` of a file. */
const cut = (bytes: Uint8Array, fraction: number): Uint8Array => bytes.slice(0, Math.floor(bytes.byteLength * fraction));

/** A one-page file whose catalog an incremental update replaces with `body`. */
function updated(body: string): Uint8Array {
  const writer = classic(1);
  writer.object(CATALOG, body);
  return writer.xrefTable(trailerOf(sizeOf(1))).bytes();
}

/** Structures readers cannot read as written (they rebuild the cross-reference data, or give up). */
export const DAMAGED: CorpusEntry[] = [
  { name: "root-is-a-page", about: "the trailer's /Root names a page, not a catalog (pdf-lib's invalid_root_ref.pdf)", mustAgree: true, build: () => asBytes(swap(text(classic(1)), `/Root ${CATALOG} 0 R`, () => `/Root ${pageObject(1)} 0 R`)) },
  { name: "root-is-info", about: "the trailer's /Root names the info dictionary", mustAgree: true, build: () => asBytes(swap(text(classic(1)), `/Root ${CATALOG} 0 R`, () => `/Root ${INFO} 0 R`)) },
  { name: "root-not-in-file", about: "the trailer's /Root names an object that no section lists", build: () => asBytes(swap(text(classic(1)), `/Root ${CATALOG} 0 R`, () => "/Root 8 0 R")) },
  {
    name: "root-entry-misplaced",
    about: "the catalog's entry points into another object, so the object read there is not the catalog (the defect in pdf-lib's invalid_root_ref.pdf)",
    mustAgree: true,
    build: () => {
      const writer = classic(1);
      const offset = writer.offsets.get(CATALOG) ?? 0;
      return asBytes(swap(text(writer), `${sameWidth(offset, 10)} 00000 n`, () => `${sameWidth(writer.offsets.get(pageObject(1)) ?? 0, 10)} 00000 n`));
    },
  },
  { name: "update-breaks-catalog", about: "an incremental update replaces the catalog with a dictionary without /Pages", build: () => updated("<< /Type /Catalog >>") },
  {
    name: "xref-table-off-by-one",
    about: "a table whose first subsection says 1 but starts with object 0's free entry, so every entry names the next object",
    build: () => asBytes(swap(text(classic(1)), "xref\n0 7\n", () => "xref\n1 7\n")),
  },
  { name: "page-tree-entry-shifted", about: "the page tree's table entry is 3 bytes off", build: () => shiftEntry(classic(), PAGES, 3) },
  { name: "info-entry-shifted", about: "the info dictionary's table entry is 3 bytes off", build: () => shiftEntry(classic(), INFO, 3) },
  { name: "info-entry-offset-zero", about: "the info dictionary's entry is in use at offset 0 (pdf-lib's normal.pdf has such entries)", build: () => shiftEntry(classic(), INFO, -1e9) },
  { name: "page-entry-free", about: "a page object is in the file but its entry is free", build: () => writeDocument(new PdfWriter(), { pages: 2 }).xrefTable(trailerOf(sizeOf(2)), { free: [pageObject(2)] }).bytes() },
  {
    name: "generation-mismatch",
    about: "an object written as generation 2 but listed and referenced as generation 0",
    build: () => {
      const writer = new PdfWriter().raw("%PDF-1.7\n");
      writer.object(1, "<< /Type /Catalog /Pages 2 0 R >>");
      writer.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
      writer.object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>", { generation: 2 });
      return writer.xrefTable("/Size 4 /Root 1 0 R").bytes();
    },
  },
  { name: "page-object-blanked", about: "a page object overwritten with spaces, every offset unchanged", build: () => asBytes(text(classic(3)).replace(/\n9 0 obj[\s\S]*?endobj/, (found) => `\n${" ".repeat(found.length - 1)}`)) },
  { name: "content-stream-blanked", about: "a page's content stream overwritten with spaces", build: () => asBytes(text(classic(2)).replace(/\n8 0 obj[\s\S]*?endobj/, (found) => `\n${" ".repeat(found.length - 1)}`)) },
  { name: "page-tree-loop", about: "the page tree lists its own root as a kid", build: () => asBytes(swap(text(classic(2)), "/Kids [ 5 0 R 7 0 R ]", () => "/Kids [ 5 0 R 2 0 R ]")) },
  { name: "page-count-wrong", about: "/Count says 3 where the tree holds 2 pages", build: () => asBytes(swap(text(classic(2)), "/Count 2", () => "/Count 3")) },
  { name: "invalid-object", about: "an info dictionary whose values do not parse (pdf-lib's with_invalid_objects.pdf)", build: () => asBytes(swap(text(classic(1)), "/Title (Offerkit corpus) /Producer", (found) => `${"/Title ## 0 R".padEnd(found.length - 9)}/Producer`)) },
  { name: "no-trailer-dictionary", about: "a table with no trailer dictionary, and no startxref (pdf-lib's missing_xref_trailer_dict.pdf)", build: () => asBytes(text(classic(1)).replace(/trailer[\s\S]*$/, "")) },
  { name: "startxref-no-offset", about: "startxref without its offset", build: () => writeDocument(new PdfWriter(), { pages: 1 }).xrefTable(trailerOf(sizeOf(1)), { startxrefText: () => "startxref\n%%EOF\n" }).bytes() },
  { name: "no-startxref", about: "a table and trailer, but no startxref at the end", build: () => writeDocument(new PdfWriter(), { pages: 1 }).xrefTable(trailerOf(sizeOf(1)), { startxrefText: () => "%%EOF\n" }).bytes() },
  { name: "startxref-into-object", about: "startxref leads into the middle of an object", build: () => writeDocument(new PdfWriter(), { pages: 1 }).xrefTable(trailerOf(sizeOf(1)), { startxrefText: () => "startxref\n40\n%%EOF\n" }).bytes() },
  { name: "startxref-beyond-file", about: "startxref points past the end of the file", build: () => writeDocument(new PdfWriter(), { pages: 1 }).xrefTable(trailerOf(sizeOf(1)), { startxrefText: () => "startxref\n999999\n%%EOF\n" }).bytes() },
  {
    name: "prev-loop",
    about: "an update's /Prev points back at its own table",
    build: () => {
      const writer = classic(1);
      writer.object(INFO, "<< /Title (Looping update) >>");
      writer.xrefTable(trailerOf(sizeOf(1)));
      return rewritePrev(writer.bytes(), writer.previousXref ?? 0);
    },
  },
  {
    name: "prev-into-object",
    about: "an update's /Prev points into an object instead of the older table",
    build: () => {
      const writer = classic(1);
      writer.object(INFO, "<< /Title (Lost history) >>");
      writer.xrefTable(trailerOf(sizeOf(1)));
      return rewritePrev(writer.bytes(), 100);
    },
  },
  {
    name: "xref-stream-corrupt",
    about: "a cross-reference stream whose compressed data is damaged",
    build: () => {
      const bytes = writeDocument(new PdfWriter(), { pages: 1 }).xrefStream(sizeOf(1), trailerOf(0)).bytes();
      const data = asText(bytes).lastIndexOf(">>\nstream\n") + ">>\nstream\n".length;
      const damaged = bytes.slice();
      for (let index = 2; index < 12; index += 1) damaged[data + index] = 0x55;
      return damaged;
    },
  },
  {
    name: "line-endings-converted",
    about: "every LF turned into CR LF after writing, as a text-mode transfer does: every offset is off",
    build: () => asBytes(text(classic(2)).replace(/\r?\n/g, "\r\n")),
  },
  { name: "truncated-classic-60", about: "the first 60% of a classic file", build: () => cut(classic(3).bytes(), 0.6) },
  { name: "truncated-classic-99", about: "the first 99% of a classic file: cut inside the trailer", build: async () => cut(await makePdf(3, { useObjectStreams: false }), 0.99) },
  { name: "truncated-object-streams-90", about: "the first 90% of an object-stream file", build: async () => cut(await makePdf(3), 0.9) },
  { name: "truncated-before-startxref", about: "cut right before the final startxref", build: async () => { const bytes = await makePdf(2); return bytes.slice(0, asText(bytes).lastIndexOf("startxref")); } },
  { name: "empty", about: "zero bytes", build: () => new Uint8Array(0) },
  { name: "header-only", about: "a PDF header and nothing else", build: () => asBytes("%PDF-1.7\n") },
  { name: "html-page", about: "an HTML error page saved with a .pdf name", build: () => asBytes("<!doctype html>\n<html><body><h1>502 Bad Gateway</h1></body></html>\n") },
  {
    name: "random-bytes-after-header",
    about: "a header, then 4 KB from a fixed-seed generator",
    build: () => {
      let state = 0x2545f491;
      const body = Array.from({ length: 4096 }, () => {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        return String.fromCharCode(state & 0xff);
      }).join("");
      return asBytes(`%PDF-1.7\n${body}`);
    },
  },
];
