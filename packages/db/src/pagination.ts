import { sql } from "kysely";

/**
 * Keyset pagination over (created_at, id), newest first: stable while rows are added, and
 * no OFFSET scans. The cursor is opaque to clients.
 */
export interface PageCursor {
  createdAt: string;
  id: string;
}

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString("base64url");
}

/** Null for a cursor we did not make: the caller answers with a validation error. */
export function decodeCursor(cursor: string): PageCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string") {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    return null;
  }
  return null;
}

/** Fetch `limit + 1` rows, then call this: it trims the extra row and makes the next cursor. */
export function toPage<T extends { id: string; createdAt: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

/** The keyset condition "after this cursor" in newest-first order, for any table keyed (created_at, id). */
export function olderThan(after: PageCursor) {
  return sql<boolean>`(created_at < ${after.createdAt} or (created_at = ${after.createdAt} and id < ${after.id}))`;
}
