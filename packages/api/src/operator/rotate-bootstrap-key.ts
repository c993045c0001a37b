import { OfferkitError, type IssuedApiKey } from "@offerkit/core";
import { findApiKeyByHash, revokeApiKey } from "@offerkit/db";
import { hashSecret } from "../auth/authenticate";
import { issueApiKey } from "../auth/issue-api-key";
import { DEMO_SELLER_ID } from "../bootstrap/bootstrap";
import type { ApiDeps } from "../deps";

/**
 * Replaces the bootstrap admin key (`OFFERKIT_BOOTSTRAP_KEY`) with a new one, in one
 * transaction: the old key stops working at once, everywhere. A server later started with the
 * old value refuses to start and says why, so a forgotten setting cannot bring it back.
 */
export async function rotateBootstrapKey(deps: Pick<ApiDeps, "db" | "clock" | "ids">, currentSecret: string): Promise<IssuedApiKey> {
  const current = await findApiKeyByHash(deps.db, hashSecret(currentSecret));
  if (!current || current.sellerId !== DEMO_SELLER_ID) {
    throw new OfferkitError("NOT_FOUND", "OFFERKIT_BOOTSTRAP_KEY is not a key of the demo seller on this database: there is no bootstrap key to rotate");
  }
  if (current.revokedAt) throw new OfferkitError("CONFLICT", `OFFERKIT_BOOTSTRAP_KEY was already revoked (${current.revokedAt})`);
  return deps.db.transaction().execute(async (trx) => {
    await revokeApiKey(trx, DEMO_SELLER_ID, current.id, deps.clock.now().toISOString());
    return issueApiKey(deps, DEMO_SELLER_ID, { name: current.name, scopes: current.scopes }, trx);
  });
}
