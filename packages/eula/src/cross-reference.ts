import { PDFContext, PDFName, PDFNumber } from "pdf-lib";
import type { PDFDict } from "pdf-lib";
import type { Check } from "./check";
import { readXrefSection } from "./xref-section";
import type { XrefEntry } from "./xref-section";

/** The file's cross-reference data merged across its sections, newest first, and its trailer. */
export type CrossReference = { entries: Map<number, XrefEntry>; trailer: PDFDict };

// Enough for any real update history; it bounds the work a hostile file can ask for.
const MAX_SECTIONS = 10_000;

/**
 * Reads the cross-reference data as a reader does: from the section that `startxref` gives,
 * through each /Prev (incremental updates, linearized files) and each hybrid file's /XRefStm.
 * An entry in a newer section hides the same object's entries in older ones. Offsets count from
 * the `%PDF-` header, which is byte 0 unless something was put in front of it.
 */
export function readCrossReference(bytes: Uint8Array, header: number, startxref: number): Check<{ xref: CrossReference }> {
  // A scratch context: pdf-lib's parser needs one to build the dictionaries it reads.
  const context = PDFContext.create();
  const entries = new Map<number, XrefEntry>();
  let trailer: PDFDict | undefined;
  const visited = new Set<number>();
  let next: number | undefined = startxref;
  while (next !== undefined) {
    if (visited.has(next)) return { ok: false, detail: "its cross-reference sections refer back to each other in a loop" };
    if (visited.size >= MAX_SECTIONS) return { ok: false, detail: "it has too many cross-reference sections" };
    visited.add(next);
    const pointer = visited.size === 1 ? "its startxref pointer" : "its /Prev pointer";
    if (header + next >= bytes.length) return { ok: false, detail: `${pointer} points outside the file` };
    const read = readXrefSection(bytes, header + next, context, pointer);
    if (!read.ok) return read;
    const { section } = read;
    trailer ??= section.dictionary;
    // A stream's own entry is where it was just found: readers never look it up, and some
    // writers get it wrong (pdf-lib's test corpus has one pointing at the object before).
    if (section.kind === "stream") claimStream(entries, section.self, next);
    merge(entries, section.entries);
    // A hybrid file's table hides older entries in a stream; they come before /Prev's.
    const hidden = section.kind === "table" ? offsetIn(section.dictionary, "XRefStm") : undefined;
    if (hidden !== undefined) {
      const stream = header + hidden < bytes.length ? readXrefSection(bytes, header + hidden, context, "its /XRefStm pointer") : undefined;
      if (stream === undefined || !stream.ok || stream.section.kind !== "stream") {
        return { ok: false, detail: "its /XRefStm pointer does not lead to a cross-reference stream" };
      }
      claimStream(entries, stream.section.self, hidden);
      merge(entries, stream.section.entries);
    }
    next = offsetIn(section.dictionary, "Prev");
  }
  if (trailer === undefined) return { ok: false, detail: "it has no trailer" };
  return { ok: true, xref: { entries, trailer } };
}

function claimStream(entries: Map<number, XrefEntry>, self: { number: number; generation: number }, offset: number): void {
  if (!entries.has(self.number)) entries.set(self.number, { kind: "offset", offset, generation: self.generation });
}

function merge(into: Map<number, XrefEntry>, older: Map<number, XrefEntry>): void {
  for (const [number, entry] of older) if (!into.has(number)) into.set(number, entry);
}

function offsetIn(dictionary: PDFDict, key: string): number | undefined {
  const value = dictionary.get(PDFName.of(key));
  return value instanceof PDFNumber && Number.isSafeInteger(value.asNumber()) && value.asNumber() >= 0 ? value.asNumber() : undefined;
}
