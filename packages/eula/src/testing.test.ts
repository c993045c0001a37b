import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "./index";
import { loadEulaFixture, makePdf } from "./testing";

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
