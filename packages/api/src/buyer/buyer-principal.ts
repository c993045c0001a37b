import type { Principal } from "../auth/principal";

export type BuyerPrincipal = Extract<Principal, { kind: "buyer" }>;
