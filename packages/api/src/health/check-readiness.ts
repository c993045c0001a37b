import { pendingMigrations, pingDatabase, type Database, type Kysely } from "@offerkit/db";

export type Readiness =
  | { ready: true; database: "ok"; pendingMigrations: [] }
  | { ready: false; database: "ok" | "unreachable"; pendingMigrations: string[] };

/** Resolves to `fallback` if `work` has not settled within `ms`; a late failure is then ignored. */
function within<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Whether this server can serve: the database answers within `timeoutMs` and every migration
 * is applied (a server of an older release sharing the database would see pending ones).
 */
export async function checkReadiness(db: Kysely<Database>, timeoutMs: number): Promise<Readiness> {
  const reachable = await within(
    pingDatabase(db).then(
      () => true,
      () => false,
    ),
    timeoutMs,
    false,
  );
  if (!reachable) return { ready: false, database: "unreachable", pendingMigrations: [] };
  const pending = await within(
    pendingMigrations(db).catch(() => null),
    timeoutMs,
    null,
  );
  if (pending === null) return { ready: false, database: "unreachable", pendingMigrations: [] };
  return pending.length === 0 ? { ready: true, database: "ok", pendingMigrations: [] } : { ready: false, database: "ok", pendingMigrations: pending };
}
