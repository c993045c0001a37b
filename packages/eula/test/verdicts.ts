import type { EulaInspection } from "../src/index";
import type { ToolVerdict } from "./judges";

/**
 * A verdict in the terms the judges and inspectEula share: accepted with a page count, or
 * refused as having no pages, as unreadable, or as encrypted. inspectEula's `not_pdf` and
 * `damaged` are both "unreadable" to a reader; `too_large` never arises (no limit is set).
 */
export type Verdict = "unreadable" | "no pages" | "encrypted" | `accepted, ${number} pages`;

/** The judges' common verdict, or why there is none. */
export type Expectation = { agreed: true; verdict: Verdict } | { agreed: false; reason: string };

function toolVerdict(verdict: ToolVerdict): Verdict {
  switch (verdict.kind) {
    case "pages":
      return verdict.pages === 0 ? "no pages" : `accepted, ${verdict.pages} pages`;
    case "damaged":
      return "unreadable";
    case "encrypted":
      return "encrypted";
  }
}

function describeTool(verdict: ToolVerdict): string {
  if (verdict.kind !== "pages") return verdict.why;
  return `reads it cleanly, ${verdict.pages} ${verdict.pages === 1 ? "page" : "pages"}`;
}

export function expectation(pdfinfo: ToolVerdict, qpdf: ToolVerdict): Expectation {
  const fromPdfinfo = toolVerdict(pdfinfo);
  const fromQpdf = toolVerdict(qpdf);
  if (fromPdfinfo === fromQpdf) return { agreed: true, verdict: fromPdfinfo };
  return { agreed: false, reason: `pdfinfo: ${describeTool(pdfinfo)}; qpdf: ${describeTool(qpdf)}` };
}

export function inspectionVerdict(result: EulaInspection): Verdict | "too large" {
  if (result.ok) return `accepted, ${result.pageCount} pages`;
  switch (result.reason) {
    case "not_pdf":
    case "damaged":
      return "unreadable";
    case "no_pages":
      return "no pages";
    case "encrypted":
      return "encrypted";
    case "too_large":
      return "too large";
  }
}
