import type { Verdict } from "../verdicts";

/** One file of the agreement corpus. */
export type CorpusEntry = {
  /** File name under corpus/, without `.pdf`. */
  name: string;
  /** The structure it exercises, in a few words. */
  about: string;
  /**
   * `true` when pdfinfo and qpdf must agree on it: files that pin a reader behaviour the rules
   * depend on (a comment before a cross-reference stream, a root that is not a catalog). Any
   * other file is skipped, with the reason printed, when the two disagree.
   */
  mustAgree?: boolean;
  /**
   * Where Offerkit departs from the readers on purpose: the verdict inspectEula must give
   * whatever pdfinfo and qpdf say, and why. The test prints these beside the tools' verdicts.
   */
  deliberate?: { verdict: Verdict; why: string };
  /** Made with qpdf: its bytes follow the qpdf version, so they are not compared on rebuild. */
  madeWithQpdf?: boolean;
  build: () => Promise<Uint8Array> | Uint8Array;
};
