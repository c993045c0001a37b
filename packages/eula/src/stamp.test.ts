import { readFileSync } from "node:fs";
import { PDFArray, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream, degrees } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { inspectEula, sanitizeFooter, sha256Hex, stampEula } from "./index";
import { loadEulaFixture, makePdf } from "./testing";

const FOOTER = "Private offer offer-abc · buyer account 123456789012";

/** Standard-font text is written as WinAnsi codes in a hex string: Latin-1, plus a few extras. */
function hexOf(text: string): string {
  const extras: Record<string, number> = { "\u2013": 0x96, "\u2026": 0x85 };
  const codes = Array.from(text, (char) => extras[char] ?? char.charCodeAt(0));
  return `<${Buffer.from(codes).toString("hex").toUpperCase()}>`;
}

/** The decoded content of each page, all its content streams joined. */
async function pageContents(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getPages().map((page) => {
    const contents = page.node.lookup(PDFName.of("Contents"));
    const refs = contents instanceof PDFArray ? contents.asArray() : [];
    return refs
      .map((ref) => doc.context.lookup(ref))
      .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
      .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1"))
      .join("\n");
  });
}

/** The text matrix and size used to draw `text`, from a page's content. */
function footerPlacement(content: string, text: string): { matrix: number[]; size: number } {
  const pattern = new RegExp(`/\\S+ ([\\d.]+) Tf\\n[\\d.]+ TL\\n([-\\d.e ]+) Tm\\n${hexOf(text)} Tj`);
  const match = pattern.exec(content);
  expect(match, "footer drawing operators").not.toBeNull();
  return { size: Number(match?.[1]), matrix: (match?.[2] ?? "").split(" ").map(Number) };
}

async function rotatedPdf(angles: number[]): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await makePdf(angles.length), { updateMetadata: false });
  doc.getPages().forEach((page, index) => page.setRotation(degrees(angles[index] ?? 0)));
  return doc.save();
}

describe("stampEula", () => {
  it("returns a valid PDF with the same pages and the footer on every page", async () => {
    const original = await makePdf(3);
    const stamped = await stampEula(original, FOOTER);
    expect(await inspectEula(stamped, { maxBytes: 1e6 })).toMatchObject({ ok: true, pageCount: 3 });
    const contents = await pageContents(stamped);
    expect(contents).toHaveLength(3);
    for (const content of contents) expect(content).toContain(`${hexOf(FOOTER)} Tj`);
    expect(sha256Hex(stamped)).not.toBe(sha256Hex(original));
  });

  it("leaves the original bytes untouched", async () => {
    const original = await makePdf(2);
    const copy = original.slice();
    await stampEula(original, FOOTER);
    expect(original).toEqual(copy);
  });

  it("stamps a committed fixture and a linearized, qpdf-written file", async () => {
    const stamped = await stampEula(loadEulaFixture("one-page"), FOOTER);
    expect((await pageContents(stamped))[0]).toContain(hexOf(FOOTER));
    const linearized = new Uint8Array(readFileSync(new URL("../fixtures/linearized.pdf", import.meta.url)));
    const contents = await pageContents(await stampEula(linearized, FOOTER));
    expect(contents).toHaveLength(3);
    for (const content of contents) expect(content).toContain(hexOf(FOOTER));
  });

  it("is deterministic for the same file and footer", async () => {
    const original = await makePdf(2);
    expect(sha256Hex(await stampEula(original, FOOTER))).toBe(sha256Hex(await stampEula(original, FOOTER)));
  });

  it("writes small grey text near the bottom-left corner of an upright page", async () => {
    const [content = ""] = await pageContents(await stampEula(await makePdf(1), FOOTER));
    const { matrix, size } = footerPlacement(content, FOOTER);
    expect(size).toBe(7);
    expect(matrix).toEqual([1, 0, 0, 1, 18, 10]);
    expect(content).toContain("0.45 0.45 0.45 rg");
  });

  it("follows /Rotate so the footer sits at the bottom of the page as displayed", async () => {
    const contents = await pageContents(await stampEula(await rotatedPdf([90, 180, 270]), FOOTER));
    const [w, h] = [595.28, 841.89];
    const placements = contents.map((content) => footerPlacement(content, FOOTER).matrix.map((value) => Math.round(value * 100) / 100));
    // Text matrix [cos sin -sin cos x y]: 90 runs up the right edge, 180 right to left along the
    // top, 270 down the left edge.
    expect(placements[0]).toEqual([0, 1, -1, 0, w - 10, 18]);
    expect(placements[1]).toEqual([-1, 0, -0, -1, w - 18, h - 10]);
    expect(placements[2]).toEqual([-0, -1, 1, -0, 10, h - 18]);
  });

  it("places the footer inside the CropBox, the part of the page a viewer shows", async () => {
    const doc = await PDFDocument.load(await makePdf(1), { updateMetadata: false });
    doc.getPages()[0]?.setCropBox(50, 60, 300, 400);
    const [content = ""] = await pageContents(await stampEula(await doc.save(), FOOTER));
    expect(footerPlacement(content, FOOTER).matrix).toEqual([1, 0, 0, 1, 68, 70]);
  });

  it("ignores a malformed /Rotate, as viewers do", async () => {
    const text = Buffer.from(await makePdf(1, { useObjectStreams: false })).toString("latin1");
    // Same length, so the cross-reference offsets stay right.
    const malformed = new Uint8Array(Buffer.from(text.replace("/Annots [ ]", "/Rotate /X "), "latin1"));
    expect(await inspectEula(malformed, { maxBytes: 1e6 })).toMatchObject({ ok: true });
    const [content = ""] = await pageContents(await stampEula(malformed, FOOTER));
    expect(footerPlacement(content, FOOTER).matrix).toEqual([1, 0, 0, 1, 18, 10]);
  });

  it("shrinks, then shortens, a footer too long for the page", async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.addPage([200, 200]);
    const narrow = await doc.save();
    const long = `${FOOTER} and a great deal more text that cannot fit on such a narrow page`;
    const [content = ""] = await pageContents(await stampEula(narrow, long));
    const match = /\/\S+ ([\d.]+) Tf[\s\S]*<([0-9A-F]+)> Tj/.exec(content);
    expect(Number(match?.[1])).toBe(4);
    const drawn = Buffer.from(match?.[2] ?? "", "hex").toString("latin1");
    // 0x85 is WinAnsi's ellipsis.
    expect(drawn.endsWith("\x85")).toBe(true);
    expect(long.startsWith(drawn.slice(0, -1).trimEnd())).toBe(true);
  });

  it("accepts any footer text by replacing what Helvetica cannot encode", async () => {
    const stamped = await stampEula(await makePdf(1), "Offre n° 42 – Zoë · 日本 · łódź\nline two\u200b");
    const [content = ""] = await pageContents(stamped);
    expect(content).toContain(hexOf("Offre n° 42 – Zoë · ?? · ?ódz line two"));
  });

  it("throws on an empty footer and on bytes that are not a readable PDF", async () => {
    await expect(stampEula(await makePdf(1), " \n\t")).rejects.toThrow(RangeError);
    await expect(stampEula(loadEulaFixture("random-bytes"), FOOTER)).rejects.toThrow();
  });
});

describe("sanitizeFooter", () => {
  it("keeps WinAnsi characters and replaces the rest", () => {
    expect(sanitizeFooter("Offer – €5 · “quoted” ™")).toBe("Offer – €5 · “quoted” ™");
    expect(sanitizeFooter("Zoë ő ł 日本 ﬁ Ａ")).toBe("Zoë o ? ?? fi A");
    expect(sanitizeFooter("  a\r\n\tb\u00a0\u00a0c\u200b\u0007 ")).toBe("a b c");
  });

  it("produces only text that the standard Helvetica font can encode", async () => {
    const everything = Array.from({ length: 0x3000 }, (_, code) => String.fromCharCode(code)).join("");
    const stamped = await stampEula(await makePdf(1), sanitizeFooter(everything).slice(0, 400));
    expect((await inspectEula(stamped, { maxBytes: 1e6 })).ok).toBe(true);
  });
});
