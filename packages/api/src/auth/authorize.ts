import { OfferkitError, hasScope, type Scope } from "@offerkit/core";
import type { BuyerPrincipal, Principal, SellerPrincipal } from "./principal";

/**
 * The one authorization of every transport: tRPC's procedure levels and the plain HTTP routes
 * (downloads, exports) call these, so a refusal reads the same whichever way a client came.
 */

/** A seller's API key; with scopes given, one of them (or `admin`). */
export function requireSeller(principal: Principal | null, ...anyOf: Scope[]): SellerPrincipal {
  if (principal?.kind !== "seller") {
    throw new OfferkitError("UNAUTHORIZED", "A seller API key is required: send Authorization: Bearer <key>");
  }
  if (anyOf.length > 0 && !anyOf.some((scope) => hasScope(principal.scopes, scope))) {
    throw new OfferkitError("FORBIDDEN", `This API key needs the ${anyOf.join(" or ")} scope`);
  }
  return principal;
}

/** A buyer token, bound to one marketplace account. */
export function requireBuyer(principal: Principal | null): BuyerPrincipal {
  if (principal?.kind !== "buyer") {
    throw new OfferkitError("UNAUTHORIZED", "A buyer token is required: send Authorization: Bearer <token>");
  }
  return principal;
}
