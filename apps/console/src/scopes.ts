import type { Scope } from "@offerkit/sdk";

/**
 * Every scope a key can carry, with what it lets its holder do, in the order the new-key form
 * lists them. A `Record` over the SDK's `Scope`: a scope the API adds fails the type check here
 * until it is described.
 */
export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  "offers:read": "See offers and their buyers",
  "offers:write": "Draft, send and copy offers, invite buyers",
  "products:read": "See products",
  "products:write": "Add and edit products",
  "marketing:read": "Links, clicks, conversions and reports",
  "marketing:write": "Record conversions",
  "usage:write": "Report metered usage",
  "support:read": "Look up what an account may use",
  "contacts:read": "Read support contacts buyers shared",
  "webhooks:read": "See webhook endpoints and their delivery log",
  "webhooks:write": "Add, change and test webhook endpoints, replay events",
  admin: "Everything, including keys and seller settings",
};

export const SCOPES = Object.keys(SCOPE_DESCRIPTIONS).filter((key): key is Scope => key in SCOPE_DESCRIPTIONS);
