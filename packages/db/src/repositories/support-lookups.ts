import type { SupportLookupRecord } from "@offerkit/core";
import type { Kysely } from "kysely";
import type { Database } from "../schema";

export async function insertSupportLookup(db: Kysely<Database>, sellerId: string, lookup: SupportLookupRecord): Promise<void> {
  await db
    .insertInto("support_lookups")
    .values({
      id: lookup.id,
      seller_id: sellerId,
      key_id: lookup.keyId,
      account: lookup.account,
      at: lookup.at,
      subscriptions_found: lookup.subscriptionsFound,
      customer_identifier: lookup.customerIdentifier,
    })
    .execute();
}

/** The seller's lookups, newest first. */
export async function listSupportLookups(db: Kysely<Database>, sellerId: string, limit: number): Promise<SupportLookupRecord[]> {
  const rows = await db
    .selectFrom("support_lookups")
    .selectAll()
    .where("seller_id", "=", sellerId)
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: row.id, keyId: row.key_id, account: row.account, at: row.at, subscriptionsFound: Number(row.subscriptions_found),
    customerIdentifier: row.customer_identifier,
  }));
}
