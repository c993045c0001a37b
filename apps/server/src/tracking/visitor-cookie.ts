import { VISITOR_SESSION_SECONDS, validVisitorId } from "@offerkit/core";

/** The first-party cookie that carries a visitor's ID between tracking links and acceptance. */
export const VISITOR_COOKIE = "ok_vid";

/** One cookie's value from a Cookie header, found without splitting the whole header (this runs on every redirect). */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  let at = 0;
  while (at < header.length) {
    while (header.charCodeAt(at) === 32) at += 1;
    const end = header.indexOf(";", at);
    const stop = end === -1 ? header.length : end;
    if (header.startsWith(name, at) && header.charCodeAt(at + name.length) === 61) return header.slice(at + name.length + 1, stop);
    at = stop + 1;
  }
  return null;
}

/** The visitor ID a request's cookie carries, when it is of the right shape. */
export function visitorIdOf(cookieHeader: string | undefined): string | null {
  return validVisitorId(readCookie(cookieHeader, VISITOR_COOKIE));
}

/**
 * The `Set-Cookie` value that gives a browser its visitor ID: first-party, HttpOnly, Lax (sent
 * when the visitor comes back by a link), for as long as a click can be credited.
 */
export function visitorCookie(visitorId: string, secure: boolean): string {
  return `${VISITOR_COOKIE}=${visitorId}; Path=/; Max-Age=${VISITOR_SESSION_SECONDS}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
