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

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

/**
 * A visitor without cookie or attribution ID: a keyed hash of address and user agent, with a
 * salt that changes every UTC day and is then forgotten. The address itself is never stored.
 */
export function hashedVisitor(salt: string, address: string, userAgent: string): string {
  return `h_${createHmac("sha256", salt).update(`${address}\n${userAgent}`).digest("base64url").slice(0, 32)}`;
}

export interface VisitorInput {
  cookie: string | null;
  attributionId: string | null;
  address: string;
  userAgent: string;
  salt: string;
}

/**
 * Which session a click belongs to: the attribution ID the link carries, else the visitor's
 * cookie, else the day's hash. The cookie is (re)set to that key, so a browser's later visits
 * fall in the same session even after its first, cookieless one.
 */
export function visitorSession(input: VisitorInput): { key: string; setCookie: boolean } {
  const attribution = validVisitorId(input.attributionId);
  const cookie = validVisitorId(input.cookie);
  const key = attribution ?? cookie ?? hashedVisitor(input.salt, input.address, input.userAgent);
  return { key, setCookie: key !== cookie };
}

export function visitorCookie(key: string, secure: boolean): string {
  return `${VISITOR_COOKIE}=${key}; Path=/; Max-Age=${VISITOR_COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
