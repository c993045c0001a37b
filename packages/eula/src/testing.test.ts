import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { sha256Hex, stampEula } from "./index";
import { loadEulaFixture, makePdf, textOfPages } from "./testing";

describe("makePdf", () => {
  it("makes the same bytes every time", async () => {
    expect(sha256Hex(await makePdf(3, { text: "x" }))).toBe(sha256Hex(await makePdf(3, { text: "x" })));
    expect(sha256Hex(await makePdf(3, { text: "x" }))).not.toBe(sha256Hex(await makePdf(3, { text: "y" })));
  });

  it.each([0, 1, 5])("makes a PDF with %i pages", async (pages) => {
    const doc = await PDFDocument.load(await makePdf(pages));
    expect(doc.getPageCount()).toBe(pages);
  });

  it("refuses a page count that is not a count", async () => {
    await expect(makePdf(-1)).rejects.toThrow(RangeError);
    await expect(makePdf(1.5)).rejects.toThrow(RangeError);
  });
});

describe("loadEulaFixture", () => {
  it("reads the committed files", () => {
    const onePage = loadEulaFixture("one-page");
    expect(onePage).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(onePage.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
  });
});

describe("textOfPages", () => {
  it("reads each page's text, with pdftotext when installed and from the content streams otherwise, alike", async () => {
    const stamped = await stampEula(await makePdf(3, { text: "Terms" }), "Offer offer-abc · for AWS account 012345678901 – Zoë");
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    let fallback;
    try {
      fallback = await textOfPages(stamped);
    } finally {
      process.env.PATH = path;
    }
    expect(fallback.reader).toBe("content streams");
    const read = await textOfPages(stamped);
    for (const { pages } of [fallback, read]) {
      expect(pages).toHaveLength(3);
      pages.forEach((text, index) => {
        expect(text).toContain(`Page ${index + 1} of 3`);
        expect(text).toContain("Offer offer-abc · for AWS account 012345678901 – Zoë");
      });
    }
  });
});
