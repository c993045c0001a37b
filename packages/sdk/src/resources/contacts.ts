import { call, type ClientContext } from "../context";
import type { ContactsResource } from "../types/contacts";

/** The support-contact change feed and its CSV export. */
export function contactsResource({ trpc }: ClientContext): ContactsResource {
  return {
    changes: (input) => call(() => trpc.contacts.changes.query(input)),
    exportCsv: (input) => call(() => trpc.contacts.exportCsv.query(input)),
  };
}
