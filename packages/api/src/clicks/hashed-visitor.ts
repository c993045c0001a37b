import { createHmac } from "node:crypto";
import { hashedVisitorId } from "@offerkit/core";

/**
 * A visitor without cookie or attribution ID: a keyed hash of address and user agent, with a
 * salt that changes every UTC day and is then forgotten. The address itself is never stored.
 */
export function hashedVisitor(salt: string, address: string, userAgent: string): string {
  return hashedVisitorId(createHmac("sha256", salt).update(`${address}\n${userAgent}`).digest("base64url"));
}
