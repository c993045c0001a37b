import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { appliedMigrationsIn, backupSqlite, migrationNames, restoreSqlite } from "@offerkit/db";
import type { ServerConfig } from "../config";
import type { CommandOutput } from "./command-output";
import { UsageError } from "./usage-error";

const POSTGRES_BACKUPS = "The database is PostgreSQL (DATABASE_URL): back it up with pg_dump and restore with pg_restore, as the deploy guide shows.";

function sqlitePathOf(config: ServerConfig): string {
  if (config.databaseUrl) throw new UsageError(POSTGRES_BACKUPS);
  return resolve(config.dataDir, "offerkit.sqlite");
}

/** `backup <file>`: an online copy of the SQLite database, checked, while servers keep writing. */
export async function backupCommand(config: ServerConfig, file: string | undefined, out: CommandOutput): Promise<void> {
  if (!file) throw new UsageError("backup needs the file to write, e.g. offerkit-admin backup offerkit-2026-12-03.sqlite");
  const target = resolve(file);
  if (existsSync(target)) throw new UsageError(`${target} exists already: name a new file, so no backup is overwritten by mistake`);
  const result = await backupSqlite(sqlitePathOf(config), target);
  out.json(result);
  out.text(`Backed up ${result.pages} pages (${result.bytes} bytes) to ${result.file}; integrity check: ok.`);
}

/**
 * `restore <file> --yes`: puts a backup in place of the database. The backup must pass the
 * integrity check and come from this version or an older one (the servers migrate it at start).
 * The database it replaces is kept beside it.
 */
export async function restoreCommand(config: ServerConfig, file: string | undefined, confirmed: boolean, out: CommandOutput, now: Date): Promise<void> {
  if (!file) throw new UsageError("restore needs the backup file, e.g. offerkit-admin restore offerkit-2026-12-03.sqlite --yes");
  const source = resolve(file);
  if (!existsSync(source)) throw new UsageError(`No file ${source}`);
  const target = sqlitePathOf(config);
  const known = new Set(migrationNames());
  const unknown = appliedMigrationsIn(source).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`${source} comes from a newer Offerkit (migrations ${unknown.join(", ")} are unknown to this one): restore it with that version`);
  }
  if (!confirmed) {
    throw new UsageError(`This replaces the database ${target} with ${source}. Stop every server first, then run it again with --yes.`);
  }
  const previous = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
  await restoreSqlite(source, target, previous);
  out.json({ restored: source, database: target, previous: existsSync(previous) ? previous : null });
  out.text(`Restored ${source} into ${target}; integrity check: ok.${existsSync(previous) ? ` The database it replaced is in ${previous}.` : ""}`);
}
