import type { ContactChangesInput, ContactChangesPage } from "@offerkit/core";

/** The change feed in the marketplace's CSV columns. */
export interface ContactsCsvExport {
  csv: string;
  /** Pass back as `since` for the changes after these. */
  nextCursor: string;
  rows: number;
}

export interface ContactsResource {
  /** Support contacts added, updated and deleted since a cursor. */
  changes(input?: ContactChangesInput): Promise<ContactChangesPage>;
  /** The same changes in the marketplace's CSV columns. */
  exportCsv(input?: ContactChangesInput): Promise<ContactsCsvExport>;
}
