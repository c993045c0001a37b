import type { Scope } from "@offerkit/sdk";
import { UsageError } from "./errors";

// Keyed by the SDK's own type: a scope the API gains and this list lacks fails to compile.
const scopeHelp: Record<Scope, string> = {
  "products:read": "list and read products",
  "products:write": "create and edit products",
  "offers:read": "list and read offers (and the products to offer)",
  "offers:write": "draft, edit, send, copy and delete offers; invite buyers",
  "marketing:read": "clicks, conversions, reports",
  "marketing:write": "record conversions",
  "usage:write": "report metered usage",
  "support:read": "look up a buyer's entitlements",
  "contacts:read": "read the contacts buyers share",
  "webhooks:read": "list webhook endpoints and their delivery log",
  "webhooks:write": "add, change and test webhook endpoints; replay events",
  admin: "everything, including API keys and seller settings",
};

export const knownScopes = Object.keys(scopeHelp) as Scope[];

function isScope(value: string): value is Scope {
  return (knownScopes as string[]).includes(value);
}

/** `--scope offers:read --scope offers:write` or `--scope offers:read,offers:write`, each checked by name. */
export function parseScopes(values: readonly string[], command: string): Scope[] {
  const names = values.flatMap((value) => value.split(",")).map((value) => value.trim()).filter((value) => value !== "");
  if (names.length === 0) throw new UsageError(`missing --scope: give at least one of ${knownScopes.join(", ")}`, command);
  const unknown = names.filter((scope) => !isScope(scope));
  if (unknown.length > 0) throw new UsageError(`unknown scope ${unknown.join(", ")}: one of ${knownScopes.join(", ")}`, command);
  return [...new Set(names.filter(isScope))];
}

/** The scopes as the help lists them, one a line. */
export const scopesHelp = knownScopes.map((scope) => `    ${scope.padEnd(17)}${scopeHelp[scope]}`).join("\n");
