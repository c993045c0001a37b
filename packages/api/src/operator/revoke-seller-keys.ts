import { OfferkitError } from "@offerkit/core";
import { findSeller, revokeAllApiKeys, revokeApiKey } from "@offerkit/db";
import type { ApiDeps } from "../deps";

/**
 * Revokes one key of a seller, or all of them (buyer tokens included) when no key is named: what
 * an operator does when a seller's keys leak or a seller leaves. The number of keys revoked.
 */
export async function revokeSellerKeys(deps: Pick<ApiDeps, "db" | "clock">, sellerId: string, keyId?: string): Promise<number> {
  if (!(await findSeller(deps.db, sellerId))) throw new OfferkitError("NOT_FOUND", `No seller ${sellerId}`);
  const at = deps.clock.now().toISOString();
  if (keyId === undefined) return revokeAllApiKeys(deps.db, sellerId, at);
  if (!(await revokeApiKey(deps.db, sellerId, keyId, at))) throw new OfferkitError("NOT_FOUND", `Seller ${sellerId} has no active key ${keyId}`);
  return 1;
}
