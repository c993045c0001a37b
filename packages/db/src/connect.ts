import { closeSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";
import { errorMessage } from "@offerkit/core";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { DialectName } from "./dialect";
import type { Database } from "./schema";

export interface DatabaseConfig {
  /** A `postgres://` or `postgresql://` URL; without one, SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** The data folder for the embedded SQLite file. */
  dataDir: string;
  /** PostgreSQL only: the schema to use (tests give each run its own). */
  schema?: string | undefined;
  /** PostgreSQL only: connections in the pool. */
  poolSize?: number | undefined;
  /**
   * PostgreSQL only: the longest a statement may run, and a connection may take to open, in ms;
   * without it, no limit (migrations, which may run long, open the database without one).
   */
  timeoutMs?: number | undefined;
}

export interface PoolStats {
  /** Connections open, in use or idle. */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
  /** The most the pool opens. */
  max: number;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The SQLite file, for the click writer that runs on its own thread; null on PostgreSQL. */
  sqlitePath: string | null;
  /** PostgreSQL's connection pool right now, for metrics; null on SQLite (one connection). */
  poolStats(): PoolStats | null;
  close(): Promise<void>;
}

/** What to do when SQLite cannot open its file, by SQLite's error code. */
const sqliteOpenAdvice: Record<string, string> = {
  SQLITE_NOTADB: "it is damaged or not an Offerkit database: restore it from a backup, or move it away to start with an empty one",
  SQLITE_CORRUPT: "it is damaged: restore it from a backup, or move it away to start with an empty one",
  SQLITE_CANTOPEN: "let the user the server runs as read and write the file and its folder, or set OFFERKIT_DATA_DIR to another folder",
  SQLITE_READONLY: "let the user the server runs as write the file and its folder, or set OFFERKIT_DATA_DIR to another folder",
  SQLITE_PERM: "let the user the server runs as write the file and its folder, or set OFFERKIT_DATA_DIR to another folder",
  EACCES: "let the user the server runs as write the file and its folder, or set OFFERKIT_DATA_DIR to another folder",
};

/**
 * The SQLite file, made private (0600) if new: SQLite gives its WAL and shared-memory files the
 * same mode. A file that cannot be opened is reported with its path and what to do, in one line.
 */
function openSqliteFile(path: string): SQLite.Database {
  try {
    closeSync(openSync(path, "a", 0o600));
    const file = new SQLite(path);
    file.pragma("journal_mode = WAL");
    file.pragma("synchronous = NORMAL");
    file.pragma("foreign_keys = ON");
    file.pragma("busy_timeout = 5000");
    file.pragma("cache_size = -65536");
    return file;
  } catch (error) {
    const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "";
    throw new Error(`Cannot open the SQLite database ${path} (${errorMessage(error)}): ${sqliteOpenAdvice[code] ?? "check the file and its folder (OFFERKIT_DATA_DIR)"}`, { cause: error });
  }
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

/** Opens the embedded SQLite database, or PostgreSQL when the URL says so. Same code on both. */
export function openDatabase(config: DatabaseConfig): DatabaseHandle {
  if (isPostgresUrl(config.databaseUrl)) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: config.poolSize ?? 10,
      ...(config.timeoutMs ? { statement_timeout: config.timeoutMs, connectionTimeoutMillis: config.timeoutMs } : {}),
      ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const max = config.poolSize ?? 10;
    const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max });
    return { db, dialect: "postgres", sqlitePath: null, poolStats, close: () => db.destroy() };
  }
  if (config.databaseUrl !== undefined && config.databaseUrl !== "") {
    throw new Error("DATABASE_URL must be a postgres:// URL; leave it unset for the embedded SQLite database");
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const path = join(config.dataDir, "offerkit.sqlite");
  const file = openSqliteFile(path);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
  return { db, dialect: "sqlite", sqlitePath: path, poolStats: () => null, close: () => db.destroy() };
}
