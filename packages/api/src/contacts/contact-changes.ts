import type { ContactChange, ContactChangesPage, ContactOperation, UnreadableContact } from "@offerkit/core";
import { listContactChanges, type ContactChangeRow } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { UnreadableContactError } from "../data-keys/contact-cipher";
import { closeContactsOfEndedSubscriptions } from "./close-ended-subscriptions";
import { withPhoneE164 } from "./contact-view";
import { contactGuid, subscriptionGuid } from "./guids";

const operations: Record<ContactChangeRow["operation"], ContactOperation> = { added: "CREATE", updated: "UPDATE", deleted: "DELETE" };

/** `YYYY-MM-DDTHH:mm:ss.sssZ`, whatever precision the time was stored with. */
const isoMillis = (at: string) => new Date(at).toISOString();

/**
 * The seller's contact changes after a cursor, as the marketplace sends them: within the window
 * each contact appears once, with its latest operation and its current data; a DELETE carries
 * none. Contacts of subscriptions that ended or were cancelled are deleted first. A contact that
 * cannot be opened (its key lost) is left out and named in `unreadable`: one bad contact never
 * fails the seller's whole feed.
 */
export async function contactChanges(
  deps: Pick<ApiDeps, "db" | "cipher" | "clock" | "ids">,
  sellerId: string,
  { since, limit }: { since?: string | undefined; limit: number },
): Promise<ContactChangesPage> {
  await closeContactsOfEndedSubscriptions(deps, sellerId);
  const rows = await listContactChanges(deps.db, sellerId, since ?? "0", limit);
  // A Map keeps the order keys were set in: deleting first moves a contact to its latest change.
  const latest = new Map<string, ContactChangeRow>();
  for (const row of rows) {
    latest.delete(row.contact.id);
    latest.set(row.contact.id, row);
  }
  const changes: ContactChange[] = [];
  const unreadable: UnreadableContact[] = [];
  for (const row of latest.values()) {
    try {
      changes.push(await toChange(deps, row));
    } catch (error) {
      if (!(error instanceof UnreadableContactError)) throw error;
      unreadable.push({ contactId: row.contact.id, sequence: row.sequence });
    }
  }
  return { changes, nextCursor: rows[rows.length - 1]?.sequence ?? since ?? "0", unreadable };
}

async function toChange(deps: Pick<ApiDeps, "cipher">, row: ContactChangeRow): Promise<ContactChange> {
  const operation = operations[row.operation];
  const sealed = operation === "DELETE" ? null : row.contact.sealed;
  return {
    sequence: row.sequence,
    operation,
    at: isoMillis(row.at),
    contactId: row.contact.id,
    customerGuid: contactGuid(row.contact.id),
    subscriptionId: row.contact.subscriptionId,
    subscriptionGuid: subscriptionGuid(row.contact.subscriptionId),
    subscriptionStartDate: isoMillis(row.subscriptionStartsAt),
    productId: row.contact.productId,
    marketplaceProductId: row.marketplaceProductId,
    productCode: row.productCode,
    account: row.contact.buyerAccount,
    contact: sealed === null ? null : withPhoneE164(await deps.cipher.open(row.contact.id, sealed)),
  };
}
