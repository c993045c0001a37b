import { endBuyerSession, findLiveBuyerSession, insertBuyerSession, useBuyerInvitation } from "@offerkit/db";
import { authenticate } from "../auth/authenticate";
import type { BuyerPrincipal } from "../auth/principal";
import type { ApiDeps } from "../deps";
import { sha256Hex } from "../hashing";

/** A browser stays signed in for a working day; then the buyer opens a new link or signs in again. */
export const BUYER_SESSION_HOURS = 12;

/** What a browser keeps as its cookie; the server stores only its hash. */
export interface BuyerSessionSecret {
  secret: string;
  expiresAt: Date;
}

type Deps = Pick<ApiDeps, "db" | "clock" | "ids">;

async function startSession(deps: Deps, sellerId: string, account: string): Promise<BuyerSessionSecret> {
  const now = deps.clock.now();
  const secret = deps.ids.newSecret("obs");
  const expiresAt = new Date(now.getTime() + BUYER_SESSION_HOURS * 60 * 60 * 1000);
  await insertBuyerSession(deps.db, {
    id: deps.ids.newId("bses"),
    secretHash: sha256Hex(secret),
    sellerId,
    buyerAccount: account,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { secret, expiresAt };
}

/** Opens an invitation link once: a session for its account and the offer to show, or null. */
export async function redeemInvitation(deps: Deps, token: string): Promise<{ session: BuyerSessionSecret; offerId: string } | null> {
  if (token.length > 200) return null;
  const invitation = await useBuyerInvitation(deps.db, sha256Hex(token), deps.clock.now().toISOString());
  if (!invitation) return null;
  return { session: await startSession(deps, invitation.sellerId, invitation.buyerAccount), offerId: invitation.offerId };
}

/** Signs a browser in with a buyer token, for the token's account; null for any other secret. */
export async function signInWithBuyerToken(deps: Deps, token: string): Promise<BuyerSessionSecret | null> {
  const principal = await authenticate(deps, token.trim());
  if (principal?.kind !== "buyer") return null;
  return startSession(deps, principal.sellerId, principal.account);
}

/** The buyer a session cookie signs in, while the session lives. */
export async function buyerOfSession(deps: Deps, secret: string | null): Promise<BuyerPrincipal | null> {
  if (!secret || secret.length > 200) return null;
  const session = await findLiveBuyerSession(deps.db, sha256Hex(secret), deps.clock.now().toISOString());
  return session ? { kind: "buyer", keyId: session.id, sellerId: session.sellerId, account: session.buyerAccount } : null;
}

export async function signOutBuyer(deps: Deps, secret: string): Promise<void> {
  await endBuyerSession(deps.db, sha256Hex(secret), deps.clock.now().toISOString());
}
