import type { FieldIssue } from "./errors";

/** Nesting deeper than any of our inputs: past it, a value is not looked into (zod refuses its shape anyway). */
const MAX_DEPTH = 32;

/**
 * The first text in an input that no database of ours can store: PostgreSQL refuses the NUL
 * character (`\u0000`) in text, and SQLite would keep it where PostgreSQL cannot, so one rule
 * for every field keeps both alike. Null when there is none. Checked once for every call, at
 * the edge, so no field can be forgotten.
 */
export function unstorableTextIssue(value: unknown, path: (string | number)[] = [], depth = 0): FieldIssue | null {
  if (typeof value === "string") {
    return value.includes("\u0000") ? { path, message: "Text cannot contain the NUL character (\\u0000)" } : null;
  }
  if (depth >= MAX_DEPTH || typeof value !== "object" || value === null) return null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const issue = unstorableTextIssue(item, [...path, index], depth + 1);
      if (issue) return issue;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const issue = key.includes("\u0000") ? { path: [...path, key], message: "A field name cannot contain the NUL character (\\u0000)" } : unstorableTextIssue(item, [...path, key], depth + 1);
    if (issue) return issue;
  }
  return null;
}
