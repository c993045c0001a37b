import { scopes as allScopes, type IssuedApiKey, type IssuedBuyerToken, type Scope } from "@offerkit/core";
import { insertApiKey, type Database, type Kysely } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { hashSecret } from "./authenticate";


/** Makes a seller API key with the given scopes. */
export async function issueApiKey(
  deps: Pick<ApiDeps, "db" | "clock" | "ids">,
  sellerId: string,
  input: { name: string; scopes: Scope[]; secret?: string },
  db: Kysely<Database> = deps.db,
): Promise<IssuedApiKey> {
  const secret = input.secret ?? deps.ids.newSecret("oks");
  const id = deps.ids.newId("key");
  const keyPrefix = secret.slice(0, 12);
  const scopes = allScopes.filter((scope) => input.scopes.includes(scope));
  await insertApiKey(db, {
    id,
    sellerId,
    kind: "seller",
    name: input.name,
    keyHash: hashSecret(secret),
    keyPrefix,
    scopes,
    buyerAccount: null,
    createdAt: deps.clock.now().toISOString(),
  });
  return { id, secret, keyPrefix, name: input.name, scopes };
}

/**
 * Makes a buyer token for one account. In a local setup the seller's admin stands in for the
 * marketplace's buyer sign-in; the token sees only this seller's offers to that account, so a
 * seller cannot mint its way into another seller's offers.
 */
export async function issueBuyerToken(
  deps: Pick<ApiDeps, "db" | "clock" | "ids">,
  sellerId: string,
  input: { account: string; name: string },
): Promise<IssuedBuyerToken> {
  const secret = deps.ids.newSecret("okb");
  const id = deps.ids.newId("key");
  const keyPrefix = secret.slice(0, 12);
  await insertApiKey(deps.db, {
    id,
    sellerId,
    kind: "buyer",
    name: input.name,
    keyHash: hashSecret(secret),
    keyPrefix,
    scopes: [],
    buyerAccount: input.account,
    createdAt: deps.clock.now().toISOString(),
  });
  return { id, secret, keyPrefix, account: input.account };
}
