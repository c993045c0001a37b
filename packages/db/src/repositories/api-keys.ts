import { scopeSchema, type ApiKeyView } from "@offerkit/core";
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import type { ApiKeysTable, Database } from "../schema";

/** A key as the API lists it, and the tenant it belongs to. */
export type ApiKeyRecord = ApiKeyView & { sellerId: string };

const storedScopes = z.array(scopeSchema);

function toRecord(row: Selectable<ApiKeysTable>): ApiKeyRecord {
  return {
    id: row.id,
    sellerId: row.seller_id,
    kind: row.kind,
    name: row.name,
    keyPrefix: row.key_prefix,
    scopes: storedScopes.parse(JSON.parse(row.scopes)),
    buyerAccount: row.buyer_account,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

export async function insertApiKey(
  db: Kysely<Database>,
  key: Omit<ApiKeyRecord, "revokedAt"> & { keyHash: string },
): Promise<void> {
  await db
    .insertInto("api_keys")
    .values({
      id: key.id,
      seller_id: key.sellerId,
      kind: key.kind,
      name: key.name,
      key_hash: key.keyHash,
      key_prefix: key.keyPrefix,
      scopes: JSON.stringify(key.scopes),
      buyer_account: key.buyerAccount,
      created_at: key.createdAt,
    })
    .execute();
}

/** The key whose secret hashes to `keyHash`, unless revoked. */
export async function findActiveApiKeyByHash(db: Kysely<Database>, keyHash: string): Promise<ApiKeyRecord | null> {
  const row = await db
    .selectFrom("api_keys")
    .selectAll()
    .where("key_hash", "=", keyHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The key whose secret hashes to `keyHash`, revoked or not: a secret names one key forever. */
export async function findApiKeyByHash(db: Kysely<Database>, keyHash: string): Promise<ApiKeyRecord | null> {
  const row = await db.selectFrom("api_keys").selectAll().where("key_hash", "=", keyHash).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function listApiKeys(db: Kysely<Database>, sellerId: string): Promise<ApiKeyRecord[]> {
  const rows = await db
    .selectFrom("api_keys")
    .selectAll()
    .where("seller_id", "=", sellerId)
    .orderBy("created_at", "asc")
    .orderBy("id", "asc")
    .execute();
  return rows.map(toRecord);
}

/** Revokes a key of this seller; false when the seller has no such key. */
export async function revokeApiKey(db: Kysely<Database>, sellerId: string, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("api_keys")
    .set({ revoked_at: at })
    .where("id", "=", id)
    .where("seller_id", "=", sellerId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Revokes every active key and buyer token of a seller; the number revoked. */
export async function revokeAllApiKeys(db: Kysely<Database>, sellerId: string, at: string): Promise<number> {
  const result = await db
    .updateTable("api_keys")
    .set({ revoked_at: at })
    .where("seller_id", "=", sellerId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
