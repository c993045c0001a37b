import { OfferkitError, type ApiKeyView } from "@offerkit/core";
import { listApiKeys, revokeApiKey } from "@offerkit/db";
import type { ApiDeps } from "../deps";

/** The seller's keys and buyer tokens, without secrets (only their prefixes are kept). */
export async function listKeys(deps: Pick<ApiDeps, "db">, sellerId: string): Promise<ApiKeyView[]> {
  return (await listApiKeys(deps.db, sellerId)).map(({ sellerId: _sellerId, ...key }) => key);
}

export async function revokeKey(deps: Pick<ApiDeps, "db" | "clock">, sellerId: string, keyId: string): Promise<{ revoked: true }> {
  if (!(await revokeApiKey(deps.db, sellerId, keyId, deps.clock.now().toISOString()))) {
    throw new OfferkitError("NOT_FOUND", `No active key ${keyId}`);
  }
  return { revoked: true };
}
