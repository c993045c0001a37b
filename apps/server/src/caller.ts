import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate, bearerSecret, type ApiDeps, type Principal } from "@offerkit/api";
import { OfferkitError } from "@offerkit/core";
import { requestAddress } from "./client-address";
import type { RateLimiter } from "./limits/rate-limiter";

/** Who sent a request, from its `Authorization: Bearer` header; null for none. */
export type CallerOf = (req: IncomingMessage, res: ServerResponse) => Promise<Principal | null>;

/**
 * Reads the caller of every request, tRPC's and the plain routes' alike. A credential that is
 * unknown, revoked or made up counts against its client's address: past `authFailures` a
 * minute, the address gets 429 (with Retry-After) instead of an answer, so guessing keys or
 * tokens, or dodging the per-token limits with a new made-up token each call, is slowed down.
 */
export function createCallerOf(deps: ApiDeps, { authFailures, trustedProxies }: { authFailures: RateLimiter; trustedProxies: number }): CallerOf {
  return async (req, res) => {
    const secret = bearerSecret(req.headers.authorization);
    const principal = await authenticate(deps, secret);
    if (secret !== null && principal === null) {
      const wait = authFailures.take(requestAddress(req, trustedProxies));
      if (wait > 0) {
        res.setHeader("Retry-After", String(wait));
        throw new OfferkitError("RATE_LIMITED", `Too many calls with an unknown credential from this address: try again in ${wait} s`);
      }
    }
    return principal;
  };
}
