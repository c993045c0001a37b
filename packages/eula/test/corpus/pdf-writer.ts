import { deflateSync } from "node:zlib";

/**
 * Writes PDF files byte by byte, for corpus files whose structure pdf-lib cannot be made to
 * write: comments between tokens, incremental updates, hybrid cross-references, deliberately
 * wrong offsets. It records where each object starts so that the cross-reference data it writes
 * is right unless a test asks for it to be wrong.
 */
export class PdfWriter {
  private readonly chunks: Buffer[] = [];
  private length = 0;
  /** Offsets of the objects written since the last cross-reference section. */
  private pending = new Map<number, number>();
  /** Every object's latest offset, across updates. */
  readonly offsets = new Map<number, number>();
  private lastXref: number | undefined;

  /** Bytes appended as they are (latin1 for text). */
  raw(text: string | Uint8Array): this {
    const chunk = typeof text === "string" ? Buffer.from(text, "latin1") : Buffer.from(text);
    this.chunks.push(chunk);
    this.length += chunk.length;
    return this;
  }

  get position(): number {
    return this.length;
  }

  /** Where the most recent cross-reference section starts (the next update's /Prev). */
  get previousXref(): number | undefined {
    return this.lastXref;
  }

  /**
   * `N G obj <body> endobj`. `header` replaces the `N G obj` text (for odd whitespace);
   * `endobj: false` leaves the keyword out.
   */
  object(number: number, body: string | Uint8Array, options: { header?: string; endobj?: boolean; generation?: number } = {}): this {
    const generation = options.generation ?? 0;
    this.pending.set(number, this.length);
    this.offsets.set(number, this.length);
    this.raw(options.header ?? `${number} ${generation} obj\n`);
    this.raw(body);
    this.raw(options.endobj === false ? "\n" : "\nendobj\n");
    return this;
  }

  /** A stream object with a correct direct /Length, optionally Flate-compressed. */
  stream(number: number, dictionary: string, data: string | Uint8Array, options: { compress?: boolean; endstream?: boolean } = {}): this {
    const plain = typeof data === "string" ? Buffer.from(data, "latin1") : Buffer.from(data);
    const bytes = options.compress === true ? deflateSync(plain) : plain;
    const filter = options.compress === true ? " /Filter /FlateDecode" : "";
    const end = options.endstream === false ? "" : "\nendstream";
    return this.object(number, Buffer.concat([Buffer.from(`<< ${dictionary} /Length ${bytes.length}${filter} >>\nstream\n`, "latin1"), bytes, Buffer.from(end, "latin1")]));
  }

  /**
   * A classic `xref` table for the objects written since the last section (all of them in a
   * first section, with entry 0), then `trailer`, `startxref` and `%%EOF`.
   */
  xrefTable(trailer: string, options: { beforeXref?: string; beforeTrailer?: string; startxrefText?: (offset: number) => string; free?: number[]; offsetShift?: number } = {}): this {
    const first = this.lastXref === undefined;
    const entries = new Map(this.pending);
    for (const number of options.free ?? []) entries.set(number, -1);
    if (first) entries.set(0, -1);
    this.raw(options.beforeXref ?? "");
    const start = this.length;
    let table = "xref\n";
    for (const [from, numbers] of subsections([...entries.keys()])) {
      table += `${from} ${numbers.length}\n`;
      for (const number of numbers) {
        const offset = entries.get(number) ?? -1;
        table += offset < 0 ? `${String(0).padStart(10, "0")} 65535 f\r\n` : `${String(offset + (options.offsetShift ?? 0)).padStart(10, "0")} 00000 n\r\n`;
      }
    }
    const prev = first ? "" : ` /Prev ${this.lastXref ?? 0}`;
    this.raw(table);
    this.raw(options.beforeTrailer ?? "");
    this.raw(`trailer\n<< ${trailer}${prev} >>\n`);
    this.finish(start, options.startxrefText, options.offsetShift ?? 0);
    return this;
  }

  /**
   * A cross-reference stream (object `number`) for the objects written since the last section
   * plus itself: /W [1 4 2], Flate-compressed, optionally with the PNG "Up" predictor as qpdf
   * writes them. `compressed` lists objects kept in an object stream: [object, stream, index].
   */
  xrefStream(number: number, trailer: string, options: { predictor?: boolean; compressed?: Array<[number, number, number]>; beforeXref?: string; startxrefText?: (offset: number) => string; free?: number[] } = {}): this {
    const first = this.lastXref === undefined;
    this.raw(options.beforeXref ?? "");
    const start = this.length;
    const rows = new Map<number, [number, number, number]>();
    if (first) rows.set(0, [0, 0, 65535]);
    for (const [object, offset] of this.pending) rows.set(object, [1, offset, 0]);
    for (const object of options.free ?? []) rows.set(object, [0, 0, 0]);
    for (const [object, container, index] of options.compressed ?? []) rows.set(object, [2, container, index]);
    rows.set(number, [1, start, 0]);
    const numbers = [...rows.keys()].sort((a, b) => a - b);
    const ranges = subsections(numbers);
    const table = Buffer.alloc(numbers.length * 7);
    numbers.forEach((object, row) => {
      const [type, field2, field3] = rows.get(object) ?? [0, 0, 0];
      table.writeUInt8(type, row * 7);
      table.writeUInt32BE(field2, row * 7 + 1);
      table.writeUInt16BE(field3, row * 7 + 5);
    });
    const data = options.predictor === true ? pngUp(table, 7) : table;
    const parms = options.predictor === true ? " /DecodeParms << /Columns 7 /Predictor 12 >>" : "";
    const index = ranges.map(([from, list]) => `${from} ${list.length}`).join(" ");
    // /Size counts every object of the file, not only this section's.
    const size = Math.max(number, ...numbers, ...this.offsets.keys()) + 1;
    const prev = first ? "" : ` /Prev ${this.lastXref ?? 0}`;
    // The stream's own /Size is written here; a trailer's would be a duplicate key.
    const entries = trailer.replace(/\/Size\s+\d+\s*/, "");
    this.pending = new Map();
    const compressed = deflateSync(data);
    this.object(number, Buffer.concat([
      Buffer.from(`<< /Type /XRef /Size ${size} /Index [${index}] /W [1 4 2] ${entries}${prev}${parms} /Filter /FlateDecode /Length ${compressed.length} >>\nstream\n`, "latin1"),
      compressed,
      Buffer.from("\nendstream", "latin1"),
    ]));
    this.pending = new Map();
    this.finish(start, options.startxrefText, 0);
    return this;
  }

  private finish(start: number, startxrefText: ((offset: number) => string) | undefined, shift: number): void {
    this.pending = new Map();
    this.lastXref = start + shift;
    this.raw(startxrefText === undefined ? `startxref\n${start + shift}\n%%EOF\n` : startxrefText(start + shift));
  }

  bytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.chunks));
  }
}

/** Object numbers grouped into runs of consecutive numbers: [[first, [numbers...]], ...]. */
function subsections(numbers: number[]): Array<[number, number[]]> {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: Array<[number, number[]]> = [];
  for (const number of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1][last[1].length - 1] === number - 1) last[1].push(number);
    else runs.push([number, [number]]);
  }
  return runs;
}

/** PNG "Up" filter on every row, as /Predictor 12 expects (each row prefixed with filter 2). */
function pngUp(table: Buffer, columns: number): Buffer {
  const rows = table.length / columns;
  const out = Buffer.alloc(rows * (columns + 1));
  for (let row = 0; row < rows; row += 1) {
    out[row * (columns + 1)] = 2;
    for (let column = 0; column < columns; column += 1) {
      const above = row === 0 ? 0 : (table[(row - 1) * columns + column] ?? 0);
      out[row * (columns + 1) + 1 + column] = ((table[row * columns + column] ?? 0) - above) & 0xff;
    }
  }
  return out;
}
