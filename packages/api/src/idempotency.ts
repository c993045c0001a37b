import { OfferkitError, canonicalJson } from "@offerkit/core";
import { findIdempotencyRecord, insertIdempotencyRecord, type Database, type Kysely } from "@offerkit/db";
import type { ApiDeps } from "./deps";
import { sha256Hex } from "./hashing";

export interface IdempotencyScope {
  principalId: string;
  operation: string;
  key: string | undefined;
  /** The request as the caller sent it; the same key with another request is refused. */
  request: unknown;
}

/** Saves the result in the caller's write transaction, so the write and its record land together. */
export type Remember<T> = (trx: Kysely<Database>, result: T) => Promise<void>;

/**
 * Runs `work` at most once per key. A retry with the same key and request gets the first
 * result back; a concurrent twin that loses the race finds the winner's record and returns it.
 */
export async function withIdempotency<T>(
  deps: Pick<ApiDeps, "db" | "clock">,
  scope: IdempotencyScope,
  work: (remember: Remember<T>) => Promise<T>,
): Promise<T> {
  const { key } = scope;
  if (key === undefined) return work(async () => {});
  const requestHash = sha256Hex(canonicalJson(scope.request));
  const replay = async (): Promise<{ found: true; result: T } | { found: false }> => {
    const record = await findIdempotencyRecord(deps.db, scope.principalId, scope.operation, key);
    if (!record) return { found: false };
    if (record.requestHash !== requestHash) {
      throw new OfferkitError("IDEMPOTENCY_KEY_REUSED", `Idempotency key ${key} was already used with a different request`);
    }
    return { found: true, result: JSON.parse(record.response) as T };
  };

  const first = await replay();
  if (first.found) return first.result;
  try {
    return await work(async (trx, result) => {
      await insertIdempotencyRecord(trx, {
        principalId: scope.principalId,
        operation: scope.operation,
        key,
        requestHash,
        response: JSON.stringify(result),
        createdAt: deps.clock.now().toISOString(),
      });
    });
  } catch (error) {
    const twin = await replay();
    if (twin.found) return twin.result;
    throw error;
  }
}
