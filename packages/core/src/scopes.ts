import { z } from "zod";

/**
 * What an API key may do. `admin` implies every other scope. Buyer tokens carry no scopes:
 * they are bound to one account and reach only the buyer procedures.
 */
export const scopes = [
  "products:read",
  "products:write",
  "offers:read",
  "offers:write",
  "marketing:read",
  "marketing:write",
  "usage:write",
  "support:read",
  "contacts:read",
  "webhooks:read",
  "webhooks:write",
  "admin",
] as const;
export const scopeSchema = z.enum(scopes);
export type Scope = z.infer<typeof scopeSchema>;

export function hasScope(granted: readonly Scope[], needed: Scope): boolean {
  return granted.includes("admin") || granted.includes(needed);
}
