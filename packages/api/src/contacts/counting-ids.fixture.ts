import type { IdGenerator } from "../deps";
import { randomIds } from "../ids";

/**
 * IDs a test can write down beforehand: `contact-test00000001`, `contact-test00000002`, ...,
 * counted per prefix. Secrets stay random.
 */
export function countingIds(): IdGenerator {
  const counts = new Map<string, number>();
  return {
    newId: (prefix) => {
      const n = (counts.get(prefix) ?? 0) + 1;
      counts.set(prefix, n);
      return `${prefix}-test${String(n).padStart(8, "0")}`;
    },
    newSecret: randomIds.newSecret,
  };
}
