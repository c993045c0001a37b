import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import type { TestDatabase } from "./testing";
import { dialectOf } from "./dialect";

/**
 * Every byte a test database keeps of a table, as someone holding its files would find them:
 * on SQLite the database file, its write-ahead log and journal; on PostgreSQL a `pg_dump` of the
 * schema, the table's own file after a checkpoint (dead tuples included) and the latest two
 * write-ahead log segments. For tests that prove what a deletion leaves behind. PostgreSQL's part
 * needs a superuser, as the test server's user is.
 */
export async function storedBytes(database: TestDatabase, table: string): Promise<Buffer> {
  if (dialectOf(database.db) !== "postgres") {
    const file = join(database.dataDir, "offerkit.sqlite");
    return Buffer.concat([file, `${file}-wal`, `${file}-journal`].filter(existsSync).map((path) => readFileSync(path)));
  }
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db);
  const url = process.env.OFFERKIT_TEST_DATABASE_URL ?? "";
  const dump = execFileSync("pg_dump", ["--no-owner", `--schema=${rows[0]?.schema ?? ""}`, url], { maxBuffer: 256 * 1024 * 1024 });
  await sql`checkpoint`.execute(database.db);
  const heap = await sql<{ bytes: Buffer }>`select pg_read_binary_file(pg_relation_filepath(${table})) as bytes`.execute(database.db);
  const wal = await sql<{ bytes: Buffer }>`
    select pg_read_binary_file('pg_wal/' || name) as bytes from pg_ls_waldir()
    where name ~ '^[0-9A-F]{24}$' order by modification desc limit 2`.execute(database.db);
  return Buffer.concat([dump, ...heap.rows.map((row) => row.bytes), ...wal.rows.map((row) => row.bytes)]);
}
