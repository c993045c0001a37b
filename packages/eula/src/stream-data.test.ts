import { deflateSync } from "node:zlib";
import { PDFContext, PDFRawStream } from "pdf-lib";
import type { PDFDict } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { decodeStreamData } from "./stream-data";

function streamOf(data: Uint8Array, parms: Record<string, number> | undefined): PDFRawStream {
  const context = PDFContext.create();
  const entries = parms === undefined ? { Filter: "FlateDecode" } : { Filter: "FlateDecode", DecodeParms: parms };
  return PDFRawStream.of(context.obj(entries) as PDFDict, new Uint8Array(deflateSync(data)));
}

const rows = [
  [1, 0, 0, 16, 0],
  [1, 0, 0, 200, 0],
  [2, 0, 7, 0, 3],
];
const plain = new Uint8Array(rows.flat());

/** Encodes `rows` with one PNG filter type on every row. */
function png(filter: number): Uint8Array {
  const out: number[] = [];
  rows.forEach((row, index) => {
    const above = index === 0 ? row.map(() => 0) : (rows[index - 1] ?? []);
    out.push(filter);
    row.forEach((value, column) => {
      const left = column === 0 ? 0 : (row[column - 1] ?? 0);
      const up = above[column] ?? 0;
      const upLeft = column === 0 ? 0 : (above[column - 1] ?? 0);
      const estimate = left + up - upLeft;
      const paeth = Math.abs(estimate - left) <= Math.abs(estimate - up) && Math.abs(estimate - left) <= Math.abs(estimate - upLeft) ? left : Math.abs(estimate - up) <= Math.abs(estimate - upLeft) ? up : upLeft;
      const predicted = [0, left, up, Math.floor((left + up) / 2), paeth][filter] ?? 0;
      out.push((value - predicted) & 0xff);
    });
  });
  return new Uint8Array(out);
}

describe("decodeStreamData", () => {
  it("inflates a stream without a predictor", () => {
    expect(decodeStreamData(streamOf(plain, undefined), 1000)).toEqual(plain);
  });

  it.each([0, 1, 2, 3, 4])("undoes PNG filter type %i", (filter) => {
    expect(decodeStreamData(streamOf(png(filter), { Predictor: 12, Columns: 5 }), 1000)).toEqual(plain);
  });

  it("undoes the TIFF predictor on 8-bit components", () => {
    const tiff = new Uint8Array(rows.flatMap((row) => row.map((value, column) => (value - (column === 0 ? 0 : (row[column - 1] ?? 0))) & 0xff)));
    expect(decodeStreamData(streamOf(tiff, { Predictor: 2, Columns: 5 }), 1000)).toEqual(plain);
  });

  it("refuses predictors it does not know", () => {
    expect(() => decodeStreamData(streamOf(png(2), { Predictor: 7, Columns: 5 }), 1000)).toThrow(/predictor/);
    expect(() => decodeStreamData(streamOf(png(9), { Predictor: 12, Columns: 5 }), 1000)).toThrow(/PNG filter/);
  });

  it("decodes no more than the limit, however far the data would expand", () => {
    const bomb = streamOf(new Uint8Array(64 * 1024 * 1024), undefined);
    const started = performance.now();
    expect(decodeStreamData(bomb, 4096).byteLength).toBeLessThanOrEqual(4096 + 1024 * 64);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
