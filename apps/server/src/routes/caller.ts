import { authenticate, bearerSecret, type ApiDeps, type Principal } from "@offerkit/api";
import type { Request } from "express";

/**
 * Who sent a plain HTTP request, from its `Authorization: Bearer` header, exactly as tRPC's
 * context reads it; null for none. Routes then call `requireSeller` or `requireBuyer`.
 */
export function callerOf(deps: ApiDeps, req: Request): Promise<Principal | null> {
  return authenticate(deps, bearerSecret(req.headers.authorization));
}
