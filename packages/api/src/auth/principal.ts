import type { Scope } from "@offerkit/core";

/** Who is calling: a seller's API key, or a buyer token bound to one account. */
export type Principal =
  | { kind: "seller"; keyId: string; sellerId: string; scopes: Scope[] }
  | { kind: "buyer"; keyId: string; sellerId: string; account: string };

export type SellerPrincipal = Extract<Principal, { kind: "seller" }>;
export type BuyerPrincipal = Extract<Principal, { kind: "buyer" }>;
