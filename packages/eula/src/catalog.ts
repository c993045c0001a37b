import { PDFCatalog, PDFDict, PDFName, PDFRef } from "pdf-lib";
import type { PDFContext } from "pdf-lib";
import type { Check } from "./check";
import type { CrossReference } from "./cross-reference";
import { entryLeadsToObject, isListed } from "./object-locations";

/**
 * The document catalog, found where the trailer's /Root says: a listed object that is where its
 * entry puts it, and a dictionary with a /Pages entry. pdf-lib alone would take whatever object
 * carries that number anywhere in the file.
 *
 * It must also say /Type /Catalog, which poppler and qpdf do not need: pdf-lib builds its
 * catalog from that entry alone, and without it `stampEula` fails on the file. Refusing here is
 * the one place inspectEula is stricter than the readers on purpose: what it accepts, Offerkit
 * must be able to stamp.
 */
export function findCatalog(bytes: Uint8Array, header: number, xref: CrossReference, context: PDFContext): Check<{ catalog: PDFDict }> {
  const root = xref.trailer.get(PDFName.of("Root"));
  if (!(root instanceof PDFRef)) return { ok: false, detail: "its trailer does not say where its document catalog is" };
  const misplaced = (why: string): Check<{ catalog: PDFDict }> => ({
    ok: false,
    detail: `its document catalog is not where the trailer says (object ${root.objectNumber} ${why})`,
  });
  const entry = xref.entries.get(root.objectNumber);
  if (entry === undefined || !isListed(xref, root)) return misplaced("is not in the file");
  if (!entryLeadsToObject(bytes, header, xref, context, root.objectNumber, entry)) {
    return misplaced(entry.kind === "offset" ? `is not at byte ${entry.offset}` : "is not in its object stream");
  }
  const catalog = context.lookup(root);
  if (!(catalog instanceof PDFDict) || !catalog.has(PDFName.of("Pages"))) return misplaced("is not a document catalog");
  if (!(catalog instanceof PDFCatalog)) {
    return { ok: false, detail: "its document catalog does not say it is one (/Type /Catalog); re-saving the file from a PDF viewer adds it" };
  }
  return { ok: true, catalog };
}
