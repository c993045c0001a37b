import { mkdirSync } from "node:fs";
import { join } from "node:path";
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
  mkdirSync(config.dataDir, { recursive: true });
  const path = join(config.dataDir, "offerkit.sqlite");
  const file = new SQLite(path);
  file.pragma("journal_mode = WAL");
  file.pragma("synchronous = NORMAL");
  file.pragma("foreign_keys = ON");
  file.pragma("busy_timeout = 5000");
  file.pragma("cache_size = -65536");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
  return { db, dialect: "sqlite", sqlitePath: path, poolStats: () => null, close: () => db.destroy() };
}
