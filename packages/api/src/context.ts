import type { ApiDeps } from "./deps";
import { authenticate } from "./auth/authenticate";
import type { Principal } from "./auth/principal";

export interface Context {
  deps: ApiDeps;
  principal: Principal | null;
  /** The tracking cookie's visitor ID, when the caller's browser carries one. */
  visitorId: string | null;
}

/** The context without any HTTP: what tests and `createCaller` use. */
export async function createContextInner(deps: ApiDeps, secret: string | null, visitorId: string | null = null): Promise<Context> {
  return { deps, principal: await authenticate(deps, secret), visitorId };
}

/** Reads `Authorization: Bearer <secret>` from an HTTP request. */
export function bearerSecret(authorization: string | undefined): string | null {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}
