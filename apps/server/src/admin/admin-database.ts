import { pendingMigrations, openDatabase, type DatabaseHandle } from "@offerkit/db";
import type { ServerConfig } from "../config";

/**
 * The servers' database, opened with their settings. Commands that read or write data refuse a
 * schema older than this code: the servers migrate at start, or `offerkit-admin migrate` does.
 */
export async function openCurrentDatabase(config: ServerConfig): Promise<DatabaseHandle> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    const pending = await pendingMigrations(database.db);
    if (pending.length > 0) {
      throw new Error(`The database is not up to date (${pending.length} migrations pending, first ${pending[0]}): run \`offerkit-admin migrate\`, or start a server of this version, first`);
    }
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Runs `work` on the up-to-date database and closes it, whatever happens. */
export async function withCurrentDatabase<T>(config: ServerConfig, work: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const database = await openCurrentDatabase(config);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
