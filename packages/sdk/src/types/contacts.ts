import type { ContactChangesInput, ContactChangesPage, UnreadableContact } from "@offerkit/core";

/** The change feed in the marketplace's CSV columns. */
export interface ContactsCsvExport {
  csv: string;
  /** Pass back as `since` for the changes after these. */
  nextCursor: string;
  rows: number;
  /** Contacts of this window the server could not open: left out, and named here. */
  unreadable: UnreadableContact[];
}

export interface ContactsResource {
  /** Support contacts added, updated and deleted since a cursor. */
  changes(input?: ContactChangesInput): Promise<ContactChangesPage>;
  /** The same changes in the marketplace's CSV columns. */
  exportCsv(input?: ContactChangesInput): Promise<ContactsCsvExport>;
}
