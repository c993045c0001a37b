import { findActiveApiKeyByHash } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { sha256Hex } from "../hashing";
import type { Principal } from "./principal";

/** Keys are stored only as SHA-256 hashes; a secret is shown once, when it is made. */
export function hashSecret(secret: string): string {
  return sha256Hex(secret);
}

/** Resolves a bearer secret to its principal; null for a missing, unknown or revoked one. */
export async function authenticate(deps: Pick<ApiDeps, "db">, secret: string | null): Promise<Principal | null> {
  if (!secret || secret.length > 200) return null;
  const key = await findActiveApiKeyByHash(deps.db, hashSecret(secret));
  if (!key) return null;
  if (key.kind === "buyer") {
    return key.buyerAccount ? { kind: "buyer", keyId: key.id, sellerId: key.sellerId, account: key.buyerAccount } : null;
  }
  return { kind: "seller", keyId: key.id, sellerId: key.sellerId, scopes: key.scopes };
}
