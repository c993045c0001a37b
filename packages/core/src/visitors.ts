import { ATTRIBUTION_ID_PATTERN } from "./link-rules";
import { ATTRIBUTION_WINDOW_DAYS } from "./marketing";

/**
 * Who a tracking-link visitor is: the rules that name a visitor's session, pure so that the
 * redirect, attribution and their tests share them. A visitor ID is the attribution ID a link
 * carries, the first-party cookie the redirect set, or, without either, a keyed hash of address
 * and user agent made with the day's salt (made by the click tracker: hashing needs a key).
 */

/** A visitor's session lasts as long as a click can still be credited with a conversion. */
export const VISITOR_SESSION_SECONDS = ATTRIBUTION_WINDOW_DAYS * 24 * 60 * 60;

/** A cookie or attribution ID of the right shape; anything else is ignored, never trusted. */
export function validVisitorId(value: string | null | undefined): string | null {
  return value && ATTRIBUTION_ID_PATTERN.test(value) ? value : null;
}

const HASHED_PREFIX = "h_";
/** An ID of its own for a browser first known by a hash: `v_`, that hash's 32 characters, then random ones. */
const DERIVED_PREFIX = "v_";
const HASH_LENGTH = 32;

/**
 * The visitor ID of a cookieless visit, from the digest (base64url) of its keyed hash: the
 * address itself is never part of it.
 */
export function hashedVisitorId(digest: string): string {
  return `${HASHED_PREFIX}${digest.slice(0, HASH_LENGTH)}`;
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

/** The session a click belongs to, and whether the browser must be given (or given again) its ID. */
export interface VisitorSession {
  visitorId: string;
  /** The browser does not hold this ID yet: the transport hands it over (the cookie). */
  handOver: boolean;
}

/**
 * Which session a click belongs to: the attribution ID the link carries, else the visitor's
 * cookie, else the day's hash (made only when needed; null when it is needed and cannot be
 * made).
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
): VisitorSession | null {
  const fromCookie = validVisitorId(cookie);
  const fromLink = validVisitorId(attributionId);
  if (fromLink !== null) return { visitorId: fromLink, handOver: fromLink !== fromCookie };
  if (fromCookie !== null && !fromCookie.startsWith(HASHED_PREFIX)) return { visitorId: fromCookie, handOver: false };
  // Only now is the day's hash needed; null when it cannot be made (no salt for the day yet).
  const today = hashed();
  if (today === null) return null;
  if (fromCookie === null) return { visitorId: today, handOver: true };
  if (fromCookie === today) return { visitorId: today, handOver: false };
  // Its own ID keeps the hash it replaces, so that an offer accepted later still finds the
  // clicks made under that hash (see hashedOrigin).
  return { visitorId: `${DERIVED_PREFIX}${fromCookie.slice(HASHED_PREFIX.length)}${randomPart()}`, handOver: true };
}
