import { createHmac } from "node:crypto";

/** The first-party cookie that names a visitor's session. */
export const VISITOR_COOKIE = "ok_vid";
/** It lasts as long as a click can still be credited with a conversion. */
export const VISITOR_COOKIE_MAX_AGE_S = 30 * 24 * 60 * 60;

/** The shape of `attributionIdSchema`, checked without zod: this runs on every redirect. */
const visitorIdShape = /^[A-Za-z0-9_-]{16,64}$/;

/** A cookie or attribution ID of the right shape; anything else is ignored, never trusted. */
export function validVisitorId(value: string | null | undefined): string | null {
  return value && visitorIdShape.test(value) ? value : null;
}

/** One cookie's value from a Cookie header, found without splitting the whole header. */
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

const HASHED_PREFIX = "h_";
/** An ID of its own for a browser first known by a hash: `v_`, that hash's 32 characters, then random ones. */
const DERIVED_PREFIX = "v_";
const HASH_LENGTH = 32;

/**
 * A visitor without cookie or attribution ID: a keyed hash of address and user agent, with a
 * salt that changes every UTC day and is then forgotten. The address itself is never stored.
 */
export function hashedVisitor(salt: string, address: string, userAgent: string): string {
  return `${HASHED_PREFIX}${createHmac("sha256", salt).update(`${address}\n${userAgent}`).digest("base64url").slice(0, HASH_LENGTH)}`;
}

/**
 * The hash a browser was known by before it got an ID of its own, or null: its clicks of that
 * day are its clicks too, for attribution.
 */
export function hashedOrigin(visitorId: string): string | null {
  return visitorId.startsWith(DERIVED_PREFIX) && visitorId.length > DERIVED_PREFIX.length + HASH_LENGTH
    ? `${HASHED_PREFIX}${visitorId.slice(DERIVED_PREFIX.length, DERIVED_PREFIX.length + HASH_LENGTH)}`
    : null;
}

/**
 * Which session a click belongs to, and the cookie to set, if any: the attribution ID the link
 * carries, else the visitor's cookie, else the day's hash (made only when needed; null when it
 * is needed and cannot be made).
 *
 * A cookieless visit gets the day's hash as its cookie, so that its later visits, and the
 * offer it accepts, find that first click. But every browser behind one address with one user
 * agent (an office's network) shares that hash: kept for 30 days it would make them one visitor
 * for a month. So the hash names a browser only on its day and network; a browser that brings
 * it back on another day (or from elsewhere) keeps cookies, and gets an ID of its own. The same
 * browser on another network the same day is thereby counted once more that day.
 */
export function visitorSession(
  attributionId: string | null,
  cookie: string | null,
  hashed: () => string | null,
  randomPart: () => string,
): { key: string; setCookie: boolean } | null {
  const fromCookie = validVisitorId(cookie);
  const fromLink = validVisitorId(attributionId);
  if (fromLink !== null) return { key: fromLink, setCookie: fromLink !== fromCookie };
  if (fromCookie !== null && !fromCookie.startsWith(HASHED_PREFIX)) return { key: fromCookie, setCookie: false };
  // Only now is the day's hash needed; null when it cannot be made (no salt for the day yet).
  const today = hashed();
  if (today === null) return null;
  if (fromCookie === null) return { key: today, setCookie: true };
  if (fromCookie === today) return { key: today, setCookie: false };
  // Its own ID keeps the hash it replaces, so that an offer accepted later still finds the
  // clicks made under that hash (see hashedOrigin).
  return { key: `${DERIVED_PREFIX}${fromCookie.slice(HASHED_PREFIX.length)}${randomPart()}`, setCookie: true };
}

export function visitorCookie(key: string, secure: boolean): string {
  return `${VISITOR_COOKIE}=${key}; Path=/; Max-Age=${VISITOR_COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
