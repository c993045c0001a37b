import { randomBytes } from "node:crypto";
import { errorMessage, utcDate } from "@offerkit/core";
import { dailySalt, deleteSaltsBefore, type Database, type Kysely } from "@offerkit/db";
import type { ClickLog } from "./click-recorder";

/** After a failed load, requests meanwhile wait this long before the next try. */
const RETRY_MS = 1_000;

export interface DailySalt {
  /** The salt of `day` when it is loaded; else null. */
  current(day: string): string | null;
  /** The salt of `day`, shared by every server on the database: one load however many requests ask. */
  load(day: string): Promise<string>;
}

/**
 * The key of the cookieless visitor's hash: a new one every UTC day, shared through the
 * database so that every server hashes a visitor alike; yesterday's is kept for clicks near
 * midnight, older ones are deleted, so no hash can be recomputed later.
 */
export function createDailySalt(db: Kysely<Database>, log: ClickLog): DailySalt {
  let loaded: { day: string; value: string } | null = null;
  let loading: { day: string; value: Promise<string> } | null = null;

  return {
    current: (day) => (loaded?.day === day ? loaded.value : null),
    load(day) {
      if (loading?.day !== day) {
        const attempt = {
          day,
          value: (async () => {
            const value = await dailySalt(db, day, randomBytes(32).toString("base64url"));
            loaded = { day, value };
            await deleteSaltsBefore(db, utcDate(new Date(Date.parse(day) - 86_400_000)));
            return value;
          })(),
        };
        // A failed load is kept a moment, so that the requests meanwhile do not each try again.
        attempt.value.catch((error: unknown) => {
          log({ level: "error", msg: "daily salt failed; cookieless visits are not counted meanwhile", operation: "dailySalt", error: errorMessage(error) });
          setTimeout(() => {
            if (loading === attempt) loading = null;
          }, RETRY_MS).unref();
        });
        loading = attempt;
      }
      return loading.value;
    },
  };
}
