import { createOfferkitClient, type OfferkitClient, type Scope } from "@offerkit/sdk";

const STORAGE_KEY = "offerkit.console.apiKey";

export interface Session {
  client: OfferkitClient;
  sellerId: string;
  /** The key signed in with, so the keys list can mark it and warn before it is revoked. */
  keyId: string;
  scopes: Scope[];
}

/** A client for this server (the console is served by it) with the given key. */
export function clientFor(apiKey: string): OfferkitClient {
  return createOfferkitClient({ baseUrl: window.location.origin, apiKey });
}

/** Checks the key with the server and keeps it for this browser tab only. */
export async function signIn(apiKey: string): Promise<Session> {
  const client = clientFor(apiKey);
  const me = await client.admin.whoami();
  sessionStorage.setItem(STORAGE_KEY, apiKey);
  return { client, sellerId: me.sellerId, keyId: me.keyId, scopes: me.scopes };
}

/** The key kept by an earlier sign-in in this tab, if any. */
export function storedKey(): string | null {
  return sessionStorage.getItem(STORAGE_KEY);
}

export function signOut(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

/** Whether the key may do what `scope` allows (`admin` allows everything). */
export function can(session: Session, scope: Scope): boolean {
  return session.scopes.includes(scope) || session.scopes.includes("admin");
}
