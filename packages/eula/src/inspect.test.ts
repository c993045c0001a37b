import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inspectEula, sha256Hex } from "./index";
import type { EulaInspection } from "./index";
import { loadEulaFixture, makePdf } from "./testing";

const LIMIT = { maxBytes: 10 * 1024 * 1024 };

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("latin1");
}

function bytesOf(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "latin1"));
}

/** Replaces `N 0 obj ... endobj` with spaces: the object is gone, every byte offset is unchanged. */
function blankObject(text: string, objectNumber: number): string {
  const start = text.indexOf(`\n${objectNumber} 0 obj`) + 1;
  const end = text.indexOf("endobj", start) + "endobj".length;
  expect(start).toBeGreaterThan(0);
  return text.slice(0, start) + " ".repeat(end - start) + text.slice(end);
}

/** Same-length substitution, so the cross-reference offsets stay right. */
function replaceSameLength(text: string, from: string, to: string): string {
  expect(to.length).toBe(from.length);
  expect(text).toContain(from);
  return text.replace(from, to);
}

/** Replaces the entries of the (only) classic trailer dictionary, padding to keep offsets. */
function rewriteTrailer(text: string, entries: string): string {
  const start = text.indexOf("trailer\n<<") + "trailer\n<<".length;
  const end = text.indexOf(">>", start);
  expect(entries.length).toBeLessThanOrEqual(end - start);
  return text.slice(0, start) + entries.padEnd(end - start, " ") + text.slice(end);
}

function expectRejected(result: EulaInspection, reason: string, message: RegExp): void {
  expect(result).toEqual({ ok: false, reason, message: expect.any(String) });
  if (!result.ok) expect(result.message).toMatch(message);
}

describe("inspectEula on the committed fixtures", () => {
  it("accepts the one-page PDF", async () => {
    const bytes = loadEulaFixture("one-page");
    expect(await inspectEula(bytes, LIMIT)).toEqual({
      ok: true,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      size: bytes.byteLength,
      pageCount: 1,
    });
  });

  it("refuses an encrypted PDF", async () => {
    expectRejected(
      await inspectEula(loadEulaFixture("encrypted"), LIMIT),
      "encrypted",
      /^The EULA PDF is password-protected or encrypted; upload an unprotected copy\.$/,
    );
  });

  it("refuses a truncated PDF as damaged", async () => {
    expectRejected(
      await inspectEula(loadEulaFixture("truncated"), LIMIT),
      "damaged",
      /^The EULA PDF is damaged and cannot be read: .*%%EOF.*truncated\.$/,
    );
  });

  it("refuses a PDF without pages", async () => {
    expectRejected(await inspectEula(loadEulaFixture("no-pages"), LIMIT), "no_pages", /^The EULA PDF has no pages\.$/);
  });

  it("refuses random bytes as not a PDF", async () => {
    expectRejected(
      await inspectEula(loadEulaFixture("random-bytes"), LIMIT),
      "not_pdf",
      /^The EULA must be a PDF file; this file does not start with a PDF header\.$/,
    );
  });

  it("accepts a linearized PDF, whose last startxref points near the start of the file", async () => {
    const bytes = new Uint8Array(readFileSync(new URL("../fixtures/linearized.pdf", import.meta.url)));
    expect(await inspectEula(bytes, LIMIT)).toMatchObject({ ok: true, pageCount: 3 });
  });

  it("keeps every fixture small", () => {
    for (const name of ["encrypted", "truncated", "no-pages", "random-bytes", "one-page"] as const) {
      expect(loadEulaFixture(name).byteLength).toBeLessThan(4096);
    }
  });
});

describe("inspectEula on generated PDFs", () => {
  it.each([1, 3])("reports pages, size and hash of a %i-page PDF", async (pages) => {
    const bytes = await makePdf(pages);
    const result = await inspectEula(bytes, LIMIT);
    expect(result).toEqual({
      ok: true,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      size: bytes.byteLength,
      pageCount: pages,
    });
  });

  it("accepts a classic cross-reference table as well as a cross-reference stream", async () => {
    const bytes = await makePdf(3, { useObjectStreams: false });
    expect(await inspectEula(bytes, LIMIT)).toMatchObject({ ok: true, pageCount: 3 });
  });

  it("accepts a file with padding after %%EOF", async () => {
    const text = `${latin1(await makePdf(2))}\r\n\n${"\0".repeat(100)}`;
    expect(await inspectEula(bytesOf(text), LIMIT)).toMatchObject({ ok: true, pageCount: 2 });
  });

  it("does not modify its input", async () => {
    const bytes = await makePdf(2);
    const before = sha256Hex(bytes);
    await inspectEula(bytes, LIMIT);
    expect(sha256Hex(bytes)).toBe(before);
  });

  it("accepts a subarray view and hashes only the viewed bytes", async () => {
    const pdf = await makePdf(1);
    const padded = new Uint8Array(pdf.byteLength + 20);
    padded.set(pdf, 10);
    const view = padded.subarray(10, 10 + pdf.byteLength);
    expect(await inspectEula(view, LIMIT)).toMatchObject({ ok: true, sha256: sha256Hex(pdf), size: pdf.byteLength });
  });
});

describe("inspectEula size limit", () => {
  it("refuses a file over the limit before parsing it", async () => {
    // Not a PDF at all: a size refusal proves that nothing was parsed first.
    const bytes = new Uint8Array(5000).fill(0x41);
    expectRejected(await inspectEula(bytes, { maxBytes: 4999 }), "too_large", /^The EULA is 4\.9 KB; the limit is 4\.8 KB\.$/);
  });

  it("refuses a valid PDF one byte over the limit and accepts it at the limit", async () => {
    const bytes = await makePdf(1);
    expect((await inspectEula(bytes, { maxBytes: bytes.byteLength - 1 })).ok).toBe(false);
    expect((await inspectEula(bytes, { maxBytes: bytes.byteLength })).ok).toBe(true);
  });

  it("states sizes in megabytes, never showing the file as no larger than the limit", async () => {
    const limit = 10 * 1024 * 1024;
    expectRejected(
      await inspectEula(new Uint8Array(Math.round(12.3 * 1024 * 1024)), { maxBytes: limit }),
      "too_large",
      /^The EULA is 12\.3 MB; the limit is 10 MB\.$/,
    );
    expectRejected(await inspectEula(new Uint8Array(limit + 1), { maxBytes: limit }), "too_large", /is 10\.1 MB; the limit is 10 MB/);
  });

  it("throws on a limit that is not a size, which is a programming error", async () => {
    await expect(inspectEula(new Uint8Array(1), { maxBytes: Number.NaN })).rejects.toThrow(RangeError);
  });
});

describe("inspectEula damaged-file rules", () => {
  it("refuses an empty file and a bare header as not a PDF or damaged", async () => {
    expectRejected(await inspectEula(new Uint8Array(0), LIMIT), "not_pdf", /PDF header/);
    expectRejected(await inspectEula(bytesOf("%PDF-1.7\n"), LIMIT), "damaged", /%%EOF/);
  });

  it("refuses random bytes after a %PDF-1.7 header as damaged", async () => {
    let state = 7;
    const body = Array.from({ length: 4000 }, () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return String.fromCharCode(state % 256);
    }).join("");
    expectRejected(await inspectEula(bytesOf(`%PDF-1.7\n${body}`), LIMIT), "damaged", /^The EULA PDF is damaged/);
  });

  it("refuses random bytes after a header even when they end with a plausible trailer", async () => {
    const fake = `%PDF-1.7\n${"x".repeat(500)}\nstartxref\n100\n%%EOF\n`;
    expectRejected(await inspectEula(bytesOf(fake), LIMIT), "damaged", /startxref pointer does not lead/);
    const outside = `%PDF-1.7\n${"x".repeat(500)}\nstartxref\n99999\n%%EOF\n`;
    expectRejected(await inspectEula(bytesOf(outside), LIMIT), "damaged", /outside the file/);
  });

  it.each([0.6, 0.9, 0.99])("refuses the first %f of a file, whatever its cross-reference style", async (fraction) => {
    for (const useObjectStreams of [true, false]) {
      const bytes = await makePdf(3, { useObjectStreams });
      const cut = bytes.subarray(0, Math.floor(bytes.byteLength * fraction));
      expectRejected(await inspectEula(cut, LIMIT), "damaged", /^The EULA PDF is damaged and cannot be read: /);
    }
  });

  it("refuses every truncation of a file that cuts into its startxref offset, and reads the rest", async () => {
    const bytes = await makePdf(2, { useObjectStreams: false });
    const text = latin1(bytes);
    // pdfinfo and qpdf both read a file that ends right after the offset: %%EOF is a formality.
    const offsetEnd = /startxref\n\d+/.exec(text.slice(text.lastIndexOf("startxref")))?.[0].length ?? 0;
    const complete = text.lastIndexOf("startxref") + offsetEnd;
    for (let length = 0; length < bytes.byteLength; length += 1) {
      const result = await inspectEula(bytes.subarray(0, length), LIMIT);
      expect(result.ok, `length ${length}`).toBe(length >= complete);
    }
  });

  it("refuses a file whose page object is missing, even with an intact trailer", async () => {
    // Objects 5, 7, 9 are the pages of a 3-page classic file; pdf-lib alone would load this
    // and report 2 pages.
    const text = latin1(await makePdf(3, { useObjectStreams: false }));
    expect(text).toContain("\n9 0 obj\n<<\n/Type /Page\n");
    expectRejected(await inspectEula(bytesOf(blankObject(text, 9)), LIMIT), "damaged", /page 3 is missing from the file\.$/);
  });

  it("refuses a file whose page content is missing", async () => {
    const text = latin1(await makePdf(3, { useObjectStreams: false }));
    expectRejected(await inspectEula(bytesOf(blankObject(text, 8)), LIMIT), "damaged", /page 2 has content that is missing/);
  });

  it("refuses a page without a usable MediaBox", async () => {
    const text = latin1(await makePdf(1, { useObjectStreams: false }));
    const noBox = replaceSameLength(text, "/MediaBox [ 0 0 595.28 841.89 ]", "/Mediabox [ 0 0 595.28 841.89 ]");
    expectRejected(await inspectEula(bytesOf(noBox), LIMIT), "damaged", /page 1 has no MediaBox/);
    const emptyBox = replaceSameLength(text, "/MediaBox [ 0 0 595.28 841.89 ]", "/MediaBox [ 0 0 000.00 841.89 ]");
    expectRejected(await inspectEula(bytesOf(emptyBox), LIMIT), "damaged", /page 1 has an empty MediaBox/);
    const shortBox = replaceSameLength(text, "/MediaBox [ 0 0 595.28 841.89 ]", "/MediaBox [ 0 0 595.28        ]");
    expectRejected(await inspectEula(bytesOf(shortBox), LIMIT), "damaged", /page 1 has an invalid MediaBox/);
  });

  it("refuses a page count that does not match the page tree", async () => {
    const text = latin1(await makePdf(3, { useObjectStreams: false }));
    const wrong = replaceSameLength(text, "/Count 3", "/Count 4");
    expectRejected(await inspectEula(bytesOf(wrong), LIMIT), "damaged", /declares 4 pages but contains 3/);
  });

  it("refuses a page tree that loops", async () => {
    const text = latin1(await makePdf(3, { useObjectStreams: false }));
    const loop = replaceSameLength(text, "/Kids [ 5 0 R 7 0 R 9 0 R ]", "/Kids [ 5 0 R 7 0 R 1 0 R ]");
    expectRejected(await inspectEula(bytesOf(loop), LIMIT), "damaged", /loop/);
    const twice = replaceSameLength(text, "/Kids [ 5 0 R 7 0 R 9 0 R ]", "/Kids [ 5 0 R 7 0 R 5 0 R ]");
    expectRejected(await inspectEula(bytesOf(twice), LIMIT), "damaged", /page 3 appears twice/);
  });

  it("refuses an object that cannot be parsed", async () => {
    const text = latin1(await makePdf(1, { useObjectStreams: false }));
    const broken = replaceSameLength(text, "/Type /Catalog\n/Pages 1 0 R\n>>", "/Type /Catalog\n/Pages 1 0 R\n))");
    expectRejected(await inspectEula(bytesOf(broken), LIMIT), "damaged", /the data near byte \d+ is not valid PDF\.$/);
  });

  it("refuses a root that is not a document catalog, or a catalog without /Type /Catalog", async () => {
    const text = latin1(await makePdf(1, { useObjectStreams: false }));
    // Object 3 is the page: a dictionary, but without a page tree.
    const rootIsPage = rewriteTrailer(text, "/Root 3 0 R");
    expectRejected(await inspectEula(bytesOf(rootIsPage), LIMIT), "damaged", /document catalog is not where the trailer says \(object 3 is not a document catalog\)\.$/);
    const rootMissing = rewriteTrailer(text, "/Root 99 0 R");
    expectRejected(await inspectEula(bytesOf(rootMissing), LIMIT), "damaged", /\(object 99 is not in the file\)\.$/);
    const noRoot = rewriteTrailer(text, "/Size 9");
    expectRejected(await inspectEula(bytesOf(noRoot), LIMIT), "damaged", /trailer does not say where its document catalog is\.$/);
    // poppler and qpdf need only /Pages from the catalog and read this file, but pdf-lib, and
    // so stampEula, cannot: refused on purpose.
    const katalog = replaceSameLength(text, "/Type /Catalog", "/Type /Katalog");
    expectRejected(await inspectEula(bytesOf(katalog), LIMIT), "damaged", /catalog does not say it is one \(\/Type \/Catalog\)/);
  });

  it("detects /Encrypt in a classic trailer without mistaking /EncryptMetadata for it", async () => {
    const text = latin1(await makePdf(1, { useObjectStreams: false }));
    const withEncrypt = rewriteTrailer(text, "/Root 2 0 R /Encrypt 3 0 R");
    expectRejected(await inspectEula(bytesOf(withEncrypt), LIMIT), "encrypted", /password-protected/);
    const metadataOnly = rewriteTrailer(text, "/Root 2 0 R /EncryptMetadata true");
    expect((await inspectEula(bytesOf(metadataOnly), LIMIT)).ok).toBe(true);
  });

  it("never throws, whatever the bytes", async () => {
    const bases = [
      await makePdf(2, { useObjectStreams: false }),
      // Cross-reference streams and object streams: the decoding paths.
      await makePdf(2),
      new Uint8Array(readFileSync(new URL("../corpus/hybrid-xrefstm.pdf", import.meta.url))),
      new Uint8Array(readFileSync(new URL("../corpus/qpdf-object-streams.pdf", import.meta.url))),
    ];
    let state = 12345;
    for (const base of bases) {
      for (let round = 0; round < 100; round += 1) {
        const bytes = base.slice();
        for (let flips = 0; flips < 8; flips += 1) {
          state = (state * 1103515245 + 12345) % 2 ** 31;
          bytes[state % bytes.length] = state % 256;
        }
        const result = await inspectEula(bytes, LIMIT);
        expect(typeof result.ok).toBe("boolean");
      }
    }
  });
});
