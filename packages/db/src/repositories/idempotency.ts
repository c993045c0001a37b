import type { Kysely } from "kysely";
import type { Database } from "../schema";

export interface IdempotencyRecord {
  principalId: string;
  operation: string;
  key: string;
  /** SHA-256 of the request, so the same key sent with another request is told apart. */
  requestHash: string;
  response: string;
  createdAt: string;
}

export async function findIdempotencyRecord(
  db: Kysely<Database>,
  principalId: string,
  operation: string,
  key: string,
): Promise<IdempotencyRecord | null> {
  const row = await db
    .selectFrom("idempotency_keys")
    .selectAll()
    .where("principal_id", "=", principalId)
    .where("operation", "=", operation)
    .where("key", "=", key)
    .executeTakeFirst();
  return row
    ? {
        principalId: row.principal_id,
        operation: row.operation,
        key: row.key,
        requestHash: row.request_hash,
        response: row.response,
        createdAt: row.created_at,
      }
    : null;
}

/** Saves the first response for a key; a concurrent twin makes this throw a unique violation. */
export async function insertIdempotencyRecord(db: Kysely<Database>, record: IdempotencyRecord): Promise<void> {
  await db
    .insertInto("idempotency_keys")
    .values({
      principal_id: record.principalId,
      operation: record.operation,
      key: record.key,
      request_hash: record.requestHash,
      response: record.response,
      created_at: record.createdAt,
    })
    .execute();
}
