import { existsSync, readdirSync } from "node:fs";
import { chmod, cp, mkdir, rename } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { appliedMigrationsIn, backupSqlite, integrityProblems, migrationNames, restoreSqlite } from "@offerkit/db";
import type { ServerConfig } from "../config";
import { contactKeyDir } from "../data-key";
import type { CommandOutput } from "./command-output";
import { UsageError } from "./usage-error";

const POSTGRES_BACKUPS = "The database is PostgreSQL (DATABASE_URL): back it up with pg_dump and restore with pg_restore, as the deploy guide shows.";
const DATABASE_FILE = "offerkit.sqlite";
const DATA_KEY_FILE = "data.key";

function sqlitePathOf(config: ServerConfig): string {
  if (config.databaseUrl) throw new UsageError(POSTGRES_BACKUPS);
  return join(config.dataDir, DATABASE_FILE);
}

/**
 * What a backup holds besides the database, each a path in the data folder. The contact keys and
 * the data key open the support contacts; contact keys and EULA files are in the data folder
 * unless they are in a bucket (S3 keeps them there). All are written once, before the rows that
 * name them, so copying them after the database snapshot misses nothing it names.
 */
function companionFiles(config: ServerConfig): string[] {
  return [
    DATA_KEY_FILE,
    ...(config.contactKeyStore.kind === "files" ? [relative(config.dataDir, contactKeyDir(config.dataDir))] : []),
    ...(config.blobStore.kind === "files" ? ["blobs"] : []),
  ];
}

/** `backup <folder>`: an online, checked copy of the SQLite database and the files beside it. */
export async function backupCommand(config: ServerConfig, folder: string | undefined, out: CommandOutput): Promise<void> {
  if (!folder) throw new UsageError("backup needs a new folder to write, e.g. offerkit-admin backup backups/2026-12-03");
  const target = resolve(folder);
  if (existsSync(target) && readdirSync(target).length > 0) throw new UsageError(`${target} exists and is not empty: name a new folder, so no backup is overwritten by mistake`);
  const source = sqlitePathOf(config);
  await mkdir(target, { recursive: true, mode: 0o700 });
  await chmod(target, 0o700);
  const result = await backupSqlite(source, join(target, DATABASE_FILE));
  const copied: string[] = [];
  for (const name of companionFiles(config)) {
    if (!existsSync(join(config.dataDir, name))) continue;
    await cp(join(config.dataDir, name), join(target, name), { recursive: true, preserveTimestamps: true });
    copied.push(name);
  }
  out.json({ folder: target, pages: result.pages, bytes: result.bytes, files: [DATABASE_FILE, ...copied] });
  out.text(`Backed up the database (${result.pages} pages, ${result.bytes} bytes; integrity check: ok)${copied.length > 0 ? ` and ${copied.join(", ")}` : ""} to ${target}.`);
  if (config.blobStore.kind === "s3") out.text(`EULA files stay in s3://${config.blobStore.bucket}/${config.blobStore.prefix}: keep that bucket versioned.`);
  if (config.contactKeyStore.kind === "s3") out.text(`Contact keys stay in s3://${config.contactKeyStore.bucket}/${config.contactKeyStore.prefix}: back that prefix up with the database, or the contacts in this backup cannot be read.`);
  if (config.dataKey) out.text("The data key is OFFERKIT_DATA_KEY, not a file: keep it with the backup's secrets, or the contacts in it cannot be read.");
}

/**
 * `restore <folder> --yes`: puts a backup in place of the database and its files. The database
 * must pass the integrity check and come from this version or an older one (servers migrate it
 * at start). What it replaces is kept beside it, named `*.before-restore-<time>`.
 */
export async function restoreCommand(config: ServerConfig, folder: string | undefined, confirmed: boolean, out: CommandOutput, now: Date): Promise<void> {
  if (!folder) throw new UsageError("restore needs the backup folder, e.g. offerkit-admin restore backups/2026-12-03 --yes");
  const backup = resolve(folder);
  const database = join(backup, DATABASE_FILE);
  if (!existsSync(database)) throw new UsageError(`${backup} holds no ${DATABASE_FILE}: name a folder that offerkit-admin backup wrote`);
  const target = sqlitePathOf(config);
  const problems = integrityProblems(database);
  if (problems.length > 0) throw new Error(`${backup} is not restored: its database fails the integrity check (${problems.join("; ")})`);
  const known = new Set(migrationNames());
  const unknown = appliedMigrationsIn(database).filter((name) => !known.has(name));
  if (unknown.length > 0) throw new Error(`${backup} comes from a newer Offerkit (migrations ${unknown.join(", ")} are unknown to this one): restore it with that version`);
  if (!confirmed) throw new UsageError(`This replaces the database in ${config.dataDir} with the one in ${backup}. Stop every server first, then run it again with --yes.`);

  const stamp = `before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const dataKey = join(config.dataDir, DATA_KEY_FILE);
  if (existsSync(join(backup, DATA_KEY_FILE)) && existsSync(dataKey)) await rename(dataKey, `${dataKey}.${stamp}`);
  for (const name of companionFiles(config)) {
    // Contact keys and EULA files are named by what they are: the backup's are added beside any
    // newer ones, which the restored database simply does not name.
    if (existsSync(join(backup, name))) await cp(join(backup, name), join(config.dataDir, name), { recursive: true, force: true, preserveTimestamps: true });
  }
  const previous = `${target}.${stamp}`;
  await restoreSqlite(database, target, previous);
  out.json({ restored: backup, dataDir: config.dataDir, previous: existsSync(previous) ? previous : null });
  out.text(`Restored ${backup} into ${config.dataDir}; integrity check: ok.${existsSync(previous) ? ` The database it replaced is in ${previous}.` : ""}`);
}
