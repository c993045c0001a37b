import { migrateToLatest, migrationStatus, openDatabase, withStartupLock } from "@offerkit/db";
import type { ServerConfig } from "../config";
import type { CommandOutput } from "./command-output";

/** `migrations`: each migration this version knows, and when it ran here. */
export async function migrationsCommand(config: ServerConfig, out: CommandOutput): Promise<boolean> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  try {
    const states = await migrationStatus(database.db);
    out.json(states);
    out.table(
      ["MIGRATION", "RAN AT"],
      states.map((state) => [state.name, state.executedAt ? state.executedAt.toISOString() : "pending"]),
    );
    const pending = states.filter((state) => state.executedAt === null).length;
    out.text(pending === 0 ? "Up to date." : `${pending} pending: the next server to start runs them, or \`offerkit-admin migrate\` does now.`);
    return pending === 0;
  } finally {
    await database.close();
  }
}

/** `migrate`: runs the pending migrations now, under the lock servers take at start. */
export async function migrateCommand(config: ServerConfig, out: CommandOutput): Promise<void> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  try {
    const before = (await migrationStatus(database.db)).filter((state) => state.executedAt === null).map((state) => state.name);
    await withStartupLock(database.db, () => migrateToLatest(database.db));
    out.json({ ran: before });
    out.text(before.length === 0 ? "Up to date: nothing to run." : `Ran ${before.length} migrations: ${before.join(", ")}.`);
  } finally {
    await database.close();
  }
}
