import { PDFRef } from "pdf-lib";
import type { PDFContext } from "pdf-lib";
import type { Check } from "./check";
import type { CrossReference } from "./cross-reference";
import { readObjectHeader } from "./pdf-syntax";
import type { XrefEntry } from "./xref-section";

/**
 * Whether an entry leads to its object: an offset entry to `N G obj` with the same numbers
 * (whitespace and comments before it allowed), a compressed one to an object that its object
 * stream holds. A reader that finds an object elsewhere than its entry says rebuilds the
 * cross-reference data from a scan of the file (poppler, qpdf), which is what a damaged file needs.
 */
export function entryLeadsToObject(bytes: Uint8Array, header: number, xref: CrossReference, context: PDFContext, number: number, entry: XrefEntry): boolean {
  switch (entry.kind) {
    case "free":
      return true;
    case "offset": {
      const found = readObjectHeader(bytes, header + entry.offset);
      // Offset 0 is the header itself: some writers put it in place of a free entry, and
      // readers then treat the object as missing.
      return entry.offset > 0 && found !== undefined && found.number === number && found.generation === entry.generation;
    }
    case "compressed":
      // pdf-lib has already unpacked every object stream; the stream must itself be a located object.
      return xref.entries.get(entry.stream)?.kind === "offset" && context.lookup(PDFRef.of(number, 0)) !== undefined;
  }
}

/** Every entry of the cross-reference data leads to its object. */
export function checkObjectLocations(bytes: Uint8Array, header: number, xref: CrossReference, context: PDFContext): Check<object> {
  for (const [number, entry] of xref.entries) {
    if (!entryLeadsToObject(bytes, header, xref, context, number, entry)) {
      const where = entry.kind === "offset" ? `at byte ${entry.offset}` : "in its object stream";
      return { ok: false, detail: `its cross-reference data puts object ${number} ${where}, where it is not` };
    }
  }
  return { ok: true };
}

/**
 * A test for references: the object is listed in use with that generation and is where its
 * entry says. Anything else is a missing object to a reader that follows the cross-reference data.
 */
export function presenceTest(bytes: Uint8Array, header: number, xref: CrossReference, context: PDFContext): (ref: PDFRef) => boolean {
  // Shared resources (a font, a parent node) are looked up once per page: check each object once.
  const located = new Map<number, boolean>();
  return (ref) => {
    const entry = xref.entries.get(ref.objectNumber);
    if (entry === undefined || !isListed(xref, ref)) return false;
    let found = located.get(ref.objectNumber);
    if (found === undefined) {
      found = entryLeadsToObject(bytes, header, xref, context, ref.objectNumber, entry);
      located.set(ref.objectNumber, found);
    }
    return found;
  };
}

/** Whether `ref` names an object the cross-reference data lists as in use, with that generation. */
export function isListed(xref: CrossReference, ref: PDFRef): boolean {
  const entry = xref.entries.get(ref.objectNumber);
  if (entry === undefined || entry.kind === "free") return false;
  return entry.kind === "compressed" ? ref.generationNumber === 0 : entry.generation === ref.generationNumber;
}
