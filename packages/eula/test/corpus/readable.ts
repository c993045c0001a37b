import { PDFDocument, StandardFonts } from "pdf-lib";
import { makePdf } from "../../src/testing";
import { CATALOG, FONT, INFO, PAGES, pageObject, sizeOf, trailerOf, writeDocument, writePage } from "./documents";
import type { CorpusEntry } from "./entry";
import { PdfWriter } from "./pdf-writer";
import { qpdf } from "./qpdf";
import { asBytes, asText, swap } from "./text";

const FIXED_DATE = new Date("2024-01-01T00:00:00.000Z");

/** A pdf-lib document with what its own tests exercise beyond pages: a form field, an annotation, an attachment. */
async function featureDocument(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setCreationDate(FIXED_DATE);
  doc.setModificationDate(FIXED_DATE);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  page.drawText("Form, link and attachment", { x: 72, y: 700, size: 14, font });
  doc.getForm().createTextField("buyer.name").addToPage(page, { x: 72, y: 600, width: 200, height: 24 });
  await doc.attach(asBytes("attached terms"), "terms.txt", { mimeType: "text/plain", creationDate: FIXED_DATE, modificationDate: FIXED_DATE });
  return doc.save({ useObjectStreams: true });
}

/** Structures that readers read cleanly: the tools are expected to accept these. */
export const READABLE: CorpusEntry[] = [
  { name: "pdflib-object-streams", about: "pdf-lib's default output: object streams and a cross-reference stream", build: () => makePdf(3) },
  { name: "pdflib-classic-xref", about: "pdf-lib with a classic cross-reference table", build: () => makePdf(3, { useObjectStreams: false }) },
  { name: "pdflib-many-pages", about: "60 pages in one flat page tree", build: () => makePdf(60) },
  { name: "pdflib-form-annotation-attachment", about: "AcroForm field, widget annotation and an embedded file", build: featureDocument },
  {
    name: "qpdf-object-streams",
    about: "qpdf's object streams and a cross-reference stream with the PNG Up predictor",
    madeWithQpdf: true,
    build: async () => qpdf(await makePdf(2, { useObjectStreams: false }), ["--object-streams=generate"]),
  },
  {
    name: "qpdf-linearized",
    about: "linearized: the last startxref leads to the first-page table near the start",
    madeWithQpdf: true,
    build: async () => qpdf(await makePdf(4, { useObjectStreams: false }), ["--linearize"]),
  },
  {
    name: "qpdf-linearized-object-streams",
    about: "linearized with object streams and hybrid cross-reference streams",
    madeWithQpdf: true,
    build: async () => qpdf(await makePdf(4), ["--linearize", "--object-streams=generate"]),
  },
  {
    name: "qpdf-nested-page-tree",
    about: "a two-level page tree (intermediate /Pages nodes) written by qpdf from a 30-page file",
    madeWithQpdf: true,
    build: async () => qpdf(await makePdf(30, { useObjectStreams: false }), ["--object-streams=disable"]),
  },
  { name: "written-classic", about: "a hand-written file with a classic table", build: () => writeDocument(new PdfWriter(), { pages: 2 }).xrefTable(trailerOf(sizeOf(2))).bytes() },
  {
    name: "written-xref-stream-predictor",
    about: "a hand-written cross-reference stream with /Predictor 12",
    build: () => writeDocument(new PdfWriter(), { pages: 2 }).xrefStream(sizeOf(2), trailerOf(sizeOf(2)), { predictor: true }).bytes(),
  },
  {
    name: "comment-before-xref-stream",
    about: "startxref leads to a comment line, then the cross-reference stream object (pdf-lib's with_comments.pdf)",
    mustAgree: true,
    build: () =>
      writeDocument(new PdfWriter(), { pages: 1 })
        .xrefStream(sizeOf(1), trailerOf(sizeOf(1)), { beforeXref: "% a comment where the section starts\n", startxrefText: (at) => `startxref\n${at - 37}\n%%EOF\n` })
        .bytes(),
  },
  {
    name: "comments-between-tokens",
    about: "comment lines between the tokens of objects, after the header, before the trailer and around the startxref offset",
    mustAgree: true,
    build: () =>
      writeDocument(new PdfWriter(), { pages: 2, gap: "\n% between tokens\n" })
        .xrefTable(trailerOf(sizeOf(2)), { beforeTrailer: "% before the trailer\n", startxrefText: (at) => `startxref % the offset follows\n${at}\n% nearly done\n%%EOF\n` })
        .bytes(),
  },
  {
    name: "comment-before-xref-table",
    about: "startxref leads to a comment line, then the classic `xref` keyword",
    build: () =>
      writeDocument(new PdfWriter(), { pages: 1 })
        .xrefTable(trailerOf(sizeOf(1)), { beforeXref: "% a comment where the table starts\n", startxrefText: (at) => `startxref\n${at - 35}\n%%EOF\n` })
        .bytes(),
  },
  {
    name: "whitespace-before-xref-table",
    about: "startxref leads to blank lines before the `xref` keyword",
    build: () => writeDocument(new PdfWriter(), { pages: 1 }).xrefTable(trailerOf(sizeOf(1)), { beforeXref: "\n\n", startxrefText: (at) => `startxref\n${at - 2}\n%%EOF\n` }).bytes(),
  },
  {
    name: "newlines-in-object-headers",
    about: "`N G obj` split over lines and separated by form feeds (pdf-lib's with_newline_whitespace_in_indirect_object_numbers.pdf)",
    build: () => {
      const writer = new PdfWriter().raw("%PDF-1.7\n");
      writer.object(1, "<< /Type /Catalog /Pages 2 0 R >>", { header: "1\n0\nobj\n" });
      writer.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", { header: "2\r\n0 obj " });
      writer.object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>", { header: "3\f0\fobj" });
      return writer.xrefTable("/Size 4 /Root 1 0 R").bytes();
    },
  },
  { name: "cr-line-endings", about: "carriage returns only, as old Mac writers made", build: () => writeDocument(new PdfWriter(), { pages: 1, eol: "\r", gap: "\r" }).xrefTable(trailerOf(sizeOf(1))).bytes() },
  { name: "crlf-line-endings", about: "CR LF line endings throughout", build: () => writeDocument(new PdfWriter(), { pages: 1, eol: "\r\n", gap: "\r\n" }).xrefTable(trailerOf(sizeOf(1))).bytes() },
  {
    name: "junk-before-header",
    about: "a line of text before %PDF-, offsets counted from the header (pdf-lib's PDF 2.0 with offset start)",
    mustAgree: true,
    build: () => {
      const junk = "From a mail gateway: scanned for viruses\n";
      const writer = new PdfWriter().raw(junk);
      return writeDocument(writer, { pages: 1 }).xrefTable(trailerOf(sizeOf(1)), { offsetShift: -junk.length }).bytes();
    },
  },
  {
    name: "junk-before-header-file-offsets",
    about: "a line of text before %PDF-, offsets counted from byte 0 of the file",
    build: () => {
      const writer = new PdfWriter().raw("From a mail gateway: scanned for viruses\n");
      return writeDocument(writer, { pages: 1 }).xrefTable(trailerOf(sizeOf(1))).bytes();
    },
  },
  {
    name: "comments-after-header",
    about: "several comment lines, binary and empty, after the header (pdf-lib's stuff_following_header.pdf)",
    build: () => {
      const rewritten = new PdfWriter().raw("%PDF-1.4\r\n%\xe2\xe3\xcf\xd3\r\n%\r\n% written by a word processor\r\n%\r\n");
      rewritten.object(CATALOG, `<< /Type /Catalog /Pages ${PAGES} 0 R >>`);
      rewritten.object(PAGES, `<< /Type /Pages /Kids [${pageObject(1)} 0 R] /Count 1 /MediaBox [0 0 612 792] >>`);
      rewritten.object(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
      rewritten.object(INFO, "<< /Title (Comments after the header) >>");
      writePage(rewritten, 1);
      return rewritten.xrefTable(trailerOf(sizeOf(1))).bytes();
    },
  },
  { name: "pdf-2.0", about: "a PDF 2.0 header (pdf-lib's Simple PDF 2.0 file.pdf)", build: () => writeDocument(new PdfWriter(), { pages: 1, version: "2.0" }).xrefTable(trailerOf(sizeOf(1))).bytes() },
  {
    name: "pdf-2.0-by-update",
    about: "a PDF 1.7 file raised to 2.0 by an incremental update of its catalog's /Version (pdf-lib's PDF 2.0 via incremental save.pdf)",
    build: () => {
      const writer = writeDocument(new PdfWriter(), { pages: 1 }).xrefTable(trailerOf(sizeOf(1)));
      writer.object(CATALOG, `<< /Type /Catalog /Version /2.0 /Pages ${PAGES} 0 R >>`);
      return writer.xrefTable(trailerOf(sizeOf(1))).bytes();
    },
  },
  {
    name: "incremental-add-page",
    about: "an incremental update that adds a page: two tables and trailers, /Prev (pdf-lib's with_update_sections.pdf)",
    mustAgree: true,
    build: () => {
      const writer = writeDocument(new PdfWriter(), { pages: 1 }).xrefTable(trailerOf(sizeOf(1)));
      writer.object(PAGES, `<< /Type /Pages /Kids [${pageObject(1)} 0 R ${pageObject(2)} 0 R] /Count 2 /MediaBox [0 0 612 792] >>`);
      writePage(writer, 2, { text: "Added by an update" });
      return writer.xrefTable(trailerOf(sizeOf(2))).bytes();
    },
  },
  {
    name: "incremental-remove-page",
    about: "an update that frees a page object: the newer free entry hides the older one",
    build: () => {
      const writer = writeDocument(new PdfWriter(), { pages: 2 }).xrefTable(trailerOf(sizeOf(2)));
      writer.object(PAGES, `<< /Type /Pages /Kids [${pageObject(1)} 0 R] /Count 1 /MediaBox [0 0 612 792] >>`);
      return writer.xrefTable(trailerOf(sizeOf(2)), { free: [pageObject(2)] }).bytes();
    },
  },
  {
    name: "incremental-three-revisions-streams",
    about: "three revisions, each with a cross-reference stream, chained by /Prev",
    build: () => {
      const writer = writeDocument(new PdfWriter(), { pages: 1 }).xrefStream(20, trailerOf(0));
      writer.object(INFO, "<< /Title (Second revision) >>");
      writer.xrefStream(21, trailerOf(0));
      writer.object(PAGES, `<< /Type /Pages /Kids [${pageObject(1)} 0 R ${pageObject(2)} 0 R] /Count 2 /MediaBox [0 0 612 792] >>`);
      writePage(writer, 2, { text: "Third revision" });
      return writer.xrefStream(22, trailerOf(0), { predictor: true }).bytes();
    },
  },
  {
    name: "incremental-stream-over-table",
    about: "a classic table updated with a cross-reference stream",
    build: () => {
      const writer = writeDocument(new PdfWriter(), { pages: 1 }).xrefTable(trailerOf(sizeOf(1)));
      writer.object(INFO, "<< /Title (Updated with a stream) >>");
      return writer.xrefStream(sizeOf(1), trailerOf(0)).bytes();
    },
  },
  {
    name: "hybrid-xrefstm",
    about: "a hybrid file: a classic table whose trailer's /XRefStm lists objects kept in an object stream",
    mustAgree: true,
    build: () => hybridFile(),
  },
  {
    name: "linearized-then-updated",
    about: "a linearized file with an incremental update appended, as editors save them",
    madeWithQpdf: true,
    build: async () => {
      const linearized = qpdf(await makePdf(2, { useObjectStreams: false }), ["--linearize"]);
      const text = asText(linearized);
      const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1] ?? "0");
      const info = /\/Info (\d+) 0 R/.exec(text)?.[1] ?? "0";
      const root = /\/Root (\d+) 0 R/.exec(text)?.[1] ?? "0";
      const size = /\/Size (\d+)/.exec(text)?.[1] ?? "0";
      const object = `${info} 0 obj\n<< /Title (Updated after linearization) >>\nendobj\n`;
      const xref = linearized.byteLength + object.length;
      const update = `${object}xref\n${info} 1\n${String(linearized.byteLength).padStart(10, "0")} 00000 n\r\ntrailer\n<< /Size ${size} /Root ${root} 0 R /Info ${info} 0 R /Prev ${prev} >>\nstartxref\n${xref}\n%%EOF\n`;
      return asBytes(text + update);
    },
  },
  {
    name: "info-reference-missing",
    about: "the trailer's /Info names an object that is not in the file",
    build: () => writeDocument(new PdfWriter(), { pages: 1, omit: [INFO] }).xrefTable(trailerOf(sizeOf(1))).bytes(),
  },
  {
    name: "font-reference-missing",
    about: "a page's font resource names an object that is not in the file",
    build: () => writeDocument(new PdfWriter(), { pages: 1, omit: [FONT] }).xrefTable(trailerOf(sizeOf(1))).bytes(),
  },
  {
    name: "no-pages-pdflib",
    about: "pdf-lib document without pages: an empty /Kids and /Count 0",
    build: () => makePdf(0),
  },
  { name: "no-pages-written", about: "a hand-written empty page tree", build: () => writeDocument(new PdfWriter(), { pages: 0 }).xrefTable(trailerOf(sizeOf(0))).bytes() },
  { name: "padding-after-eof", about: "newlines and NUL padding after %%EOF", build: async () => asBytes(`${asText(await makePdf(1))}\r\n${"\0".repeat(300)}`) },
  { name: "no-eof-marker", about: "ends right after the startxref offset, without %%EOF", build: () => writeDocument(new PdfWriter(), { pages: 1 }).xrefTable(trailerOf(sizeOf(1)), { startxrefText: (at) => `startxref\n${at}\n` }).bytes() },
  {
    name: "catalog-without-type",
    about: "a catalog without /Type /Catalog: readers need only its /Pages",
    deliberate: { verdict: "unreadable", why: "pdf-lib builds its catalog from /Type /Catalog, so stampEula cannot stamp this file" },
    build: () => asBytes(asText(writeDocument(new PdfWriter(), { pages: 1 }).xrefTable(trailerOf(sizeOf(1))).bytes()).replace("/Type /Catalog", "/Tipe /Catalog")),
  },
  {
    name: "page-without-type",
    about: "a page object without /Type /Page",
    build: () => asBytes(swap(asText(writeDocument(new PdfWriter(), { pages: 1 }).xrefTable(trailerOf(sizeOf(1))).bytes()), "/Type /Page /Parent", () => "/Tipe /Page /Parent")),
  },
  {
    name: "page-tree-without-type",
    about: "a page tree node without /Type /Pages",
    build: () => asBytes(swap(asText(writeDocument(new PdfWriter(), { pages: 1 }).xrefTable(trailerOf(sizeOf(1))).bytes()), "/Type /Pages", () => "/Tipe /Pages")),
  },
  {
    name: "nonzero-generations",
    about: "objects with generation numbers above 0, referenced and listed with them",
    build: () => {
      const writer = new PdfWriter().raw("%PDF-1.7\n");
      writer.object(1, "<< /Type /Catalog /Pages 2 3 R >>");
      writer.object(2, "<< /Type /Pages /Kids [3 1 R] /Count 1 >>", { generation: 3 });
      writer.object(3, "<< /Type /Page /Parent 2 3 R /MediaBox [0 0 300 300] >>", { generation: 1 });
      return asBytes(asText(writer.xrefTable("/Size 4 /Root 1 0 R").bytes()).replace(/(\d{10}) 00000 n\r\n(\d{10}) 00000 n\r\n(\d{10}) 00000 n/, (_, a: string, b: string, c: string) => `${a} 00000 n\r\n${b} 00003 n\r\n${c} 00001 n`));
    },
  },
  {
    name: "missing-endobj",
    about: "an object without its endobj keyword (pdf-lib's missing_endobj_keyword.pdf)",
    build: () => {
      const writer = writeDocument(new PdfWriter(), { pages: 1, omit: [INFO] });
      writer.object(INFO, "<< /Title (No endobj after me) >>", { endobj: false });
      return writer.xrefTable(trailerOf(sizeOf(1))).bytes();
    },
  },
  {
    name: "missing-endstream",
    about: "a content stream without its endstream keyword (pdf-lib's with_missing_endstream_eol_and_polluted_ctm.pdf)",
    build: () => {
      const writer = writeDocument(new PdfWriter(), { pages: 1, omit: [pageObject(1) + 1] });
      writer.stream(pageObject(1) + 1, "", "BT /F1 18 Tf 72 700 Td (No endstream) Tj ET", { endstream: false });
      return writer.xrefTable(trailerOf(sizeOf(1))).bytes();
    },
  },
  {
    name: "stream-keyword-extra-whitespace",
    about: "spaces between the stream keyword and its end of line (pdf-lib's with_invalid_stream_EOL.pdf)",
    build: () => {
      const writer = writeDocument(new PdfWriter(), { pages: 1, omit: [pageObject(1) + 1] });
      const content = "BT /F1 18 Tf 72 700 Td (Spaces after stream) Tj ET";
      writer.object(pageObject(1) + 1, `<< /Length ${content.length} >>\nstream   \n${content}\nendstream`);
      return writer.xrefTable(trailerOf(sizeOf(1))).bytes();
    },
  },
  {
    name: "null-parent",
    about: "the page tree root with /Parent null (pdf-lib's with_null_parent_entry.pdf)",
    build: () => {
      const writer = writeDocument(new PdfWriter(), { pages: 1, omit: [PAGES] });
      writer.object(PAGES, `<< /Type /Pages /Parent null /Kids [${pageObject(1)} 0 R] /Count 1 /MediaBox [0 0 612 792] >>`);
      return writer.xrefTable(trailerOf(sizeOf(1))).bytes();
    },
  },
];

/**
 * A hybrid-reference file (PDF 1.5, 7.5.8.4): the table lists the page tree, the catalog and the
 * object stream; the stream named by /XRefStm lists the info dictionary inside that object stream.
 */
function hybridFile(): Uint8Array {
  const writer = new PdfWriter().raw("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n");
  writer.object(CATALOG, `<< /Type /Catalog /Pages ${PAGES} 0 R >>`);
  writer.object(PAGES, `<< /Type /Pages /Kids [${pageObject(1)} 0 R] /Count 1 /MediaBox [0 0 612 792] >>`);
  writer.object(3, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  writePage(writer, 1);
  const pairs = `${INFO} 0 `;
  writer.stream(10, `/Type /ObjStm /N 1 /First ${pairs.length}`, `${pairs}<< /Title (Hybrid reference file) >>`);
  const tableOffsets = new Map(writer.offsets);
  // No startxref after it: the table below ends the file and names the stream.
  writer.xrefStream(11, "/Size 12", { compressed: [[INFO, 10, 0]], startxrefText: () => "" });
  const xrefStm = writer.offsets.get(11) ?? 0;
  // The hidden stream is already written; the table that names it follows, by hand.
  const start = writer.position;
  let table = "xref\n0 4\n0000000000 65535 f\r\n";
  for (const number of [1, 2, 3]) table += `${String(tableOffsets.get(number) ?? 0).padStart(10, "0")} 00000 n\r\n`;
  table += "5 2\n";
  for (const number of [5, 6]) table += `${String(tableOffsets.get(number) ?? 0).padStart(10, "0")} 00000 n\r\n`;
  table += `10 1\n${String(tableOffsets.get(10) ?? 0).padStart(10, "0")} 00000 n\r\n`;
  writer.raw(`${table}trailer\n<< /Size 12 /Root ${CATALOG} 0 R /Info ${INFO} 0 R /XRefStm ${xrefStm} >>\nstartxref\n${start}\n%%EOF\n`);
  return writer.bytes();
}
