import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inspectEula } from "../src/index";

/**
 * inspectEula's own answer on corpus files whose structure a rule is about, with its message:
 * the agreement test proves the verdicts against pdfinfo and qpdf; this pins what the seller reads,
 * and runs without the tools.
 */
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../corpus/${name}.pdf`, import.meta.url)));
const inspect = async (name: string) => inspectEula(read(name), { maxBytes: 1024 * 1024 });

describe("inspectEula on structures readers accept", () => {
  it.each([
    ["comment-before-xref-stream", 1],
    ["comments-between-tokens", 2],
    ["comment-before-xref-table", 1],
    ["newlines-in-object-headers", 1],
    ["junk-before-header", 1],
    ["comments-after-header", 1],
    ["pdf-2.0", 1],
    ["pdf-2.0-by-update", 1],
    ["incremental-add-page", 2],
    ["incremental-remove-page", 1],
    ["incremental-three-revisions-streams", 2],
    ["incremental-stream-over-table", 1],
    ["hybrid-xrefstm", 1],
    ["linearized-then-updated", 2],
    ["written-xref-stream-predictor", 2],
    ["qpdf-object-streams", 2],
    ["qpdf-linearized-object-streams", 4],
    ["qpdf-nested-page-tree", 30],
    ["no-eof-marker", 1],
    ["nonzero-generations", 1],
  ] as const)("accepts %s with %i pages", async (name, pages) => {
    expect(await inspect(name)).toMatchObject({ ok: true, pageCount: pages });
  });
});

describe("inspectEula on structures readers cannot read as written", () => {
  it.each([
    ["root-is-a-page", /document catalog is not where the trailer says \(object 5 is not a document catalog\)/],
    ["root-is-info", /document catalog is not where the trailer says \(object 4 is not a document catalog\)/],
    ["root-not-in-file", /document catalog is not where the trailer says \(object 8 is not in the file\)/],
    ["root-entry-misplaced", /document catalog is not where the trailer says \(object 1 is not at byte \d+\)/],
    ["update-breaks-catalog", /object 1 is not a document catalog/],
    ["catalog-without-type", /its document catalog does not say it is one \(\/Type \/Catalog\)/],
    ["page-tree-entry-shifted", /its page tree is missing/],
    ["info-entry-shifted", /puts object 4 at byte \d+, where it is not/],
    ["info-entry-offset-zero", /puts object 4 at byte 0, where it is not/],
    ["page-entry-free", /page 2 is missing from the file/],
    ["page-object-blanked", /page 3 is missing from the file/],
    ["generation-mismatch", /page 1 is missing from the file/],
    ["prev-loop", /cross-reference sections refer back to each other in a loop/],
    ["prev-into-object", /its \/Prev pointer does not lead to a cross-reference section/],
    ["xref-stream-corrupt", /cross-reference stream cannot be decoded/],
    ["startxref-into-object", /its startxref pointer does not lead to a cross-reference section/],
    ["startxref-beyond-file", /its startxref pointer points outside the file/],
    ["startxref-no-offset", /startxref pointer has no offset/],
    ["no-startxref", /does not end with a startxref pointer/],
    ["truncated-classic-60", /does not end with a startxref pointer and %%EOF marker, so it is probably truncated/],
    ["junk-before-header-file-offsets", /its startxref pointer does not lead to a cross-reference section/],
    ["line-endings-converted", /does not lead to a cross-reference section|where it is not/],
  ] as const)("refuses %s as damaged", async (name, message) => {
    const result = await inspect(name);
    expect(result).toMatchObject({ ok: false, reason: "damaged" });
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it.each(["empty", "html-page"])("refuses %s as not a PDF", async (name) => {
    expect(await inspect(name)).toMatchObject({ ok: false, reason: "not_pdf" });
  });

  it.each(["no-pages-pdflib", "no-pages-written"])("refuses %s as having no pages", async (name) => {
    expect(await inspect(name)).toMatchObject({ ok: false, reason: "no_pages" });
  });

  it("refuses owner-password-only files as encrypted, although readers open them", async () => {
    for (const cipher of ["rc4-40", "rc4-128", "aes-128", "aes-256"]) {
      expect(await inspect(`encrypted-${cipher}-owner-only`)).toMatchObject({ ok: false, reason: "encrypted" });
    }
  });
});
