import { createHash } from "node:crypto";
import { CONTACT_EXPORT_COLUMNS, toCsv, type ContactChange, type ContactChangesPage } from "@offerkit/core";
import { listContactChanges } from "@offerkit/db";
import type { ApiDeps } from "../deps";

/** A stable, opaque customer GUID per seller and account, as the marketplace's export carries one. */
function customerGuid(sellerId: string, account: string): string {
  const hex = createHash("sha256").update(`customer:${sellerId}:${account}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The seller's contact changes after a cursor: added, updated, deleted (a deletion carries no data). */
export async function contactChanges(
  deps: Pick<ApiDeps, "db" | "cipher">,
  sellerId: string,
  { since, limit }: { since?: string | undefined; limit: number },
): Promise<ContactChangesPage> {
  const rows = await listContactChanges(deps.db, sellerId, since ?? "0", limit);
  const changes: ContactChange[] = rows.map((row) => ({
    sequence: row.sequence,
    operation: row.operation,
    at: row.at,
    contactId: row.contact.id,
    subscriptionId: row.contact.subscriptionId,
    subscriptionStartDate: row.subscriptionStartsAt,
    productId: row.contact.productId,
    marketplaceProductId: row.marketplaceProductId,
    productCode: row.productCode,
    customerGuid: customerGuid(sellerId, row.contact.buyerAccount),
    account: row.contact.buyerAccount,
    contact: row.operation === "deleted" || row.contact.sealed === null ? null : deps.cipher.open(row.contact.id, row.contact.sealed),
  }));
  return { changes, nextCursor: changes[changes.length - 1]?.sequence ?? since ?? "0" };
}

const operationNames = { added: "Added", updated: "Updated", deleted: "Deleted" } as const;

/** The same changes as the marketplace's CSV export, its columns in its order. */
export async function exportContactsCsv(
  deps: Pick<ApiDeps, "db" | "cipher">,
  sellerId: string,
  input: { since?: string | undefined; limit: number },
): Promise<{ csv: string; nextCursor: string; rows: number }> {
  const page = await contactChanges(deps, sellerId, input);
  const csv = toCsv(
    CONTACT_EXPORT_COLUMNS,
    page.changes.map((change) => [
      change.marketplaceProductId,
      change.productCode,
      change.customerGuid,
      change.subscriptionId,
      change.subscriptionStartDate.slice(0, 10),
      change.contact?.organization ?? "",
      change.account,
      change.contact?.givenName ?? "",
      change.contact?.surname ?? "",
      change.contact?.phone ?? "",
      change.contact?.email ?? "",
      change.contact?.title ?? "",
      change.contact?.countryCode ?? "",
      change.contact?.postalCode ?? "",
      operationNames[change.operation],
      change.at,
    ]),
  );
  return { csv, nextCursor: page.nextCursor, rows: page.changes.length };
}
