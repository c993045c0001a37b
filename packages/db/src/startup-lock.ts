import { sql, type Kysely } from "kysely";
import { dialectOf } from "./dialect";
import type { Database } from "./schema";

/** An arbitrary constant every Offerkit server agrees on: the key of its start-up advisory lock. */
const STARTUP_LOCK_KEY = 7_301_458_562_017;

/**
 * Runs a server's start-up work (migrations, bootstrap sellers and products) while no other
 * server on the same PostgreSQL database runs its own. Kysely's migrator locks only the
 * migrations; the bootstrap after them reads then writes, and two servers starting together
 * would both find the demo seller missing. The embedded SQLite database has one server.
 */
export async function withStartupLock<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  if (dialectOf(db) !== "postgres") return work();
  // A session lock on one pooled connection, held while `work` uses the others.
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(connection);
    }
  });
}
