/** A unique or primary-key constraint refused the write (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null || !("code" in error)) return false;
  const { code } = error;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** The database's immutability trigger refused to change a sent offer. */
export function isImmutableOfferViolation(error: unknown): boolean {
  return error instanceof Error && error.message.includes("OFFER_IMMUTABLE");
}
