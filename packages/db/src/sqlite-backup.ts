import { randomBytes } from "node:crypto";
import { closeSync, existsSync, openSync } from "node:fs";
import { chmod, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import SQLite from "better-sqlite3";

/**
 * The whole database in one backup step: the copy is made under one read transaction, so it is
 * the database as it was when the step began, and writers never make it start over (with small
 * steps, each write by another connection restarts the copy, which under steady writes never ends).
 */
const ALL_PAGES = 0x7fffffff;

export interface SqliteBackupResult {
  file: string;
  pages: number;
  bytes: number;
}

/**
 * Copies a live SQLite database to `file` with SQLite's online backup API, while the server
 * keeps reading and writing it. The copy is written beside `file` and renamed into place once
 * it passes `PRAGMA integrity_check`, so `file` is either a whole, checked backup or untouched.
 */
export async function backupSqlite(sourcePath: string, file: string): Promise<SqliteBackupResult> {
  if (!existsSync(sourcePath)) throw new Error(`No SQLite database at ${sourcePath}: check OFFERKIT_DATA_DIR`);
  if (!existsSync(dirname(file))) throw new Error(`Cannot write the backup: the folder ${dirname(file)} does not exist`);
  const partial = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString("hex")}.partial`);
  const source = new SQLite(sourcePath, { readonly: true, fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    const progress = await source.backup(partial, { progress: () => ALL_PAGES });
    selfContained(partial);
    // A backup holds what the database holds: readable by the server's user only, like the data folder.
    await chmod(partial, 0o600);
    const problems = integrityProblems(partial);
    if (problems.length > 0) throw new Error(`The backup failed its integrity check: ${problems.join("; ")}`);
    await rename(partial, file);
    const pageSize = Number(source.pragma("page_size", { simple: true }));
    return { file, pages: progress.totalPages, bytes: progress.totalPages * pageSize };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }
}

/** A backup is one file: the live database's WAL mode would otherwise need `-wal` and `-shm` beside it. */
function selfContained(file: string): void {
  const database = new SQLite(file, { fileMustExist: true });
  try {
    database.pragma("journal_mode = DELETE");
  } finally {
    database.close();
  }
}

/**
 * What `PRAGMA integrity_check` finds wrong with the database in `file` (empty when it is
 * sound), or why the file is not an SQLite database at all.
 */
export function integrityProblems(file: string): string[] {
  let database: SQLite.Database;
  try {
    database = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return [`${file} cannot be opened as an SQLite database (${error instanceof Error ? error.message : String(error)})`];
  }
  try {
    const rows = database.pragma("integrity_check") as { integrity_check: string }[];
    const messages = rows.map((row) => row.integrity_check);
    return messages.length === 1 && messages[0] === "ok" ? [] : messages;
  } catch (error) {
    return [`${file} is not a readable SQLite database (${error instanceof Error ? error.message : String(error)})`];
  } finally {
    database.close();
  }
}

/** The migrations a database file has run, oldest first (empty for a file that never ran one). */
export function appliedMigrationsIn(file: string): string[] {
  const database = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const table = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
    if (table === undefined) return [];
    return (database.prepare("SELECT name FROM kysely_migration ORDER BY name").all() as { name: string }[]).map((row) => row.name);
  } finally {
    database.close();
  }
}

/**
 * Replaces the database at `targetPath` with the backup in `file`, through the backup API, so
 * the target's WAL and any connection still open see one consistent switch. The backup must
 * pass `PRAGMA integrity_check` first; the database it replaces is itself backed up beside it.
 */
export async function restoreSqlite(file: string, targetPath: string, keepPreviousAs: string): Promise<void> {
  const problems = integrityProblems(file);
  if (problems.length > 0) throw new Error(`${file} is not restored: it fails the integrity check (${problems.join("; ")})`);
  if (existsSync(targetPath)) await backupSqlite(targetPath, keepPreviousAs);
  // Made private before a byte is written into it, as the server makes its database.
  closeSync(openSync(targetPath, "a", 0o600));
  const backup = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(targetPath, { progress: () => ALL_PAGES });
  } finally {
    backup.close();
  }
  const after = integrityProblems(targetPath);
  if (after.length > 0) throw new Error(`The restored database fails its integrity check (${after.join("; ")}); the previous one is in ${keepPreviousAs}`);
}
