import { PDFArray, PDFName, PDFNumber, PDFPageLeaf, PDFPageTree, PDFRef, PDFStream } from "pdf-lib";
import type { PDFContext, PDFDict, PDFObject } from "pdf-lib";
import type { Check } from "./check";

/**
 * Walks the page tree from the catalog and counts the pages, checking what a viewer needs to
 * draw each one. pdf-lib's own traversal skips kids that do not resolve, which is how a damaged
 * file would otherwise pass with fewer pages than it claims; and pdf-lib finds objects by
 * scanning the file, so a reference resolves only when `isPresent` (the cross-reference data)
 * says its object is there.
 */
export function countPages(context: PDFContext, catalog: PDFDict, isPresent: (ref: PDFRef) => boolean): Check<{ pageCount: number }> {
  const resolve = (value: PDFObject | undefined): PDFObject | undefined => {
    if (value instanceof PDFRef) return isPresent(value) ? context.lookup(value) : undefined;
    return value;
  };
  const root = resolve(catalog.get(PDFName.of("Pages")));
  if (!(root instanceof PDFPageTree)) {
    return { ok: false, detail: "its page tree is missing" };
  }
  const declared = resolve(root.get(PDFName.of("Count")));
  if (!(declared instanceof PDFNumber)) {
    return { ok: false, detail: "its page tree has no page count" };
  }

  // Iterative and with a visited set: a hostile file can nest or loop the tree arbitrarily.
  const seen = new Set<PDFDict>([root]);
  const stack: PDFObject[] = [];
  let pageCount = 0;
  const pushKids = (node: PDFPageTree): string | undefined => {
    const kids = resolve(node.get(PDFName.of("Kids")));
    if (!(kids instanceof PDFArray)) return "a page tree node has no list of kids";
    for (let index = kids.size() - 1; index >= 0; index -= 1) stack.push(kids.get(index));
    return undefined;
  };
  const rootProblem = pushKids(root);
  if (rootProblem !== undefined) return { ok: false, detail: `its ${rootProblem}` };

  for (let kidRef = stack.pop(); kidRef !== undefined; kidRef = stack.pop()) {
    const kid = kidRef instanceof PDFRef ? resolve(kidRef) : undefined;
    const where = `page ${pageCount + 1}`;
    if (kid instanceof PDFPageTree) {
      if (seen.has(kid)) return { ok: false, detail: "its page tree contains a loop" };
      seen.add(kid);
      const problem = pushKids(kid);
      if (problem !== undefined) return { ok: false, detail: `near ${where}, ${problem}` };
    } else if (kid instanceof PDFPageLeaf) {
      if (seen.has(kid)) return { ok: false, detail: `${where} appears twice in the page tree` };
      seen.add(kid);
      const problem = checkPage(kid, resolve);
      if (problem !== undefined) return { ok: false, detail: `${where} ${problem}` };
      pageCount += 1;
    } else {
      return { ok: false, detail: `${where} is missing from the file` };
    }
  }
  if (declared.asNumber() !== pageCount) {
    return { ok: false, detail: `it declares ${declared.asNumber()} pages but contains ${pageCount}` };
  }
  return { ok: true, pageCount };
}

function checkPage(page: PDFPageLeaf, resolve: (value: PDFObject | undefined) => PDFObject | undefined): string | undefined {
  let mediaBox: PDFArray;
  try {
    // Inherited through /Parent, as pdf-lib (and so stampEula) resolves it.
    mediaBox = page.MediaBox();
  } catch {
    return "has no MediaBox (page size)";
  }
  const corners: number[] = [];
  for (let index = 0; index < mediaBox.size(); index += 1) {
    const value = mediaBox.lookup(index);
    if (value instanceof PDFNumber && Number.isFinite(value.asNumber())) corners.push(value.asNumber());
  }
  const [x1, y1, x2, y2] = corners;
  if (corners.length !== 4 || x1 === undefined || y1 === undefined || x2 === undefined || y2 === undefined) {
    return "has an invalid MediaBox (page size)";
  }
  if (x1 === x2 || y1 === y2) return "has an empty MediaBox (page size)";

  const contents = page.get(PDFName.of("Contents"));
  if (contents === undefined) return undefined;
  const resolved = resolve(contents);
  const streams = resolved instanceof PDFArray ? resolved.asArray().map((item) => resolve(item)) : [resolved];
  if (!streams.every((stream) => stream instanceof PDFStream)) return "has content that is missing from the file";
  return undefined;
}
