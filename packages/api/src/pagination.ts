import { OfferkitError } from "@offerkit/core";
import { decodeCursor, type PageCursor } from "@offerkit/db";

/** A cursor we did not make is an input error, not an empty page. */
export function decodeCursorOrThrow(cursor: string | undefined): PageCursor | null {
  if (cursor === undefined) return null;
  const decoded = decodeCursor(cursor);
  if (!decoded) throw new OfferkitError("VALIDATION_FAILED", "Unknown cursor", [{ path: ["cursor"], message: "Pass a nextCursor from a previous page" }]);
  return decoded;
}
