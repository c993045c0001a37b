import { createHash, timingSafeEqual } from "node:crypto";
import { readCookie } from "../../tracking/visitor-cookie";

/** The buyer page's session: HttpOnly, Lax (a link from an e-mail opens the page signed in), Secure on https. */
export const BUYER_SESSION_COOKIE = "ok_buyer";

export function sessionSecretOf(cookieHeader: string | undefined): string | null {
  return readCookie(cookieHeader, BUYER_SESSION_COOKIE);
}

export function sessionCookie(secret: string, expiresAt: Date, secure: boolean): string {
  return `${BUYER_SESSION_COOKIE}=${secret}; Path=/; Expires=${expiresAt.toUTCString()}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${BUYER_SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/**
 * The token a session's forms carry: derived from the session's secret, so a page of another
 * site, which cannot read the cookie, cannot forge a form the buyer's browser would send with it.
 */
export function csrfTokenOf(sessionSecret: string): string {
  return createHash("sha256").update(`csrf:${sessionSecret}`).digest("base64url");
}

export function isCsrfToken(sessionSecret: string, token: unknown): boolean {
  if (typeof token !== "string") return false;
  const expected = Buffer.from(csrfTokenOf(sessionSecret));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
