import { CONTACT_EXPORT_COLUMNS, toCsv, type ContactChange, type UnreadableContact } from "@offerkit/core";
import type { ApiDeps } from "../deps";
import { contactChanges } from "./contact-changes";

/** One row in the marketplace's columns; a DELETE row has only the identifying ones. */
function exportRow(change: ContactChange): string[] {
  const contact = change.contact;
  return [
    change.marketplaceProductId,
    change.productCode,
    change.customerGuid,
    change.subscriptionGuid,
    change.subscriptionStartDate,
    contact?.organization ?? "",
    change.account,
    contact?.givenName ?? "",
    contact?.surname ?? "",
    contact?.phone ?? "",
    contact?.email ?? "",
    contact?.title ?? "",
    contact?.countryCode ?? "",
    contact?.postalCode ?? "",
    change.at,
    change.operation,
  ];
}

/** The seller's contact changes after a cursor as the marketplace's CSV export, its columns in its order. */
export async function exportContactsCsv(
  deps: Pick<ApiDeps, "db" | "cipher" | "clock" | "ids">,
  sellerId: string,
  input: { since?: string | undefined; limit: number },
): Promise<{ csv: string; nextCursor: string; rows: number; unreadable: UnreadableContact[] }> {
  const page = await contactChanges(deps, sellerId, input);
  const csv = toCsv(CONTACT_EXPORT_COLUMNS, page.changes.map(exportRow));
  return { csv, nextCursor: page.nextCursor, rows: page.changes.length, unreadable: page.unreadable };
}
