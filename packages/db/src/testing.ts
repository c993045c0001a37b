import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { openDatabase, type DatabaseHandle } from "./connect";
import { dialectOf, type DialectName } from "./dialect";
import { migrateToLatest, migrations } from "./migrate";
import type { Database } from "./schema";

export { migrateBackBefore } from "./migrate";
export { storedBytes } from "./stored-bytes";
import { insertProduct } from "./repositories/products";

/**
 * The dialects the suites run on: SQLite always, PostgreSQL when OFFERKIT_TEST_DATABASE_URL
 * names a server. Under CI the URL is required, so a missing server fails the run instead of
 * silently skipping half of it.
 */
export function testDialects(): DialectName[] {
  const url = process.env.OFFERKIT_TEST_DATABASE_URL;
  if (!url && process.env.CI === "true") {
    throw new Error("CI=true but OFFERKIT_TEST_DATABASE_URL is not set: the PostgreSQL suites cannot run");
  }
  return url ? ["sqlite", "postgres"] : ["sqlite"];
}

export interface TestDatabase extends DatabaseHandle {
  /** The data folder, for blobs and files the test writes beside the database. */
  dataDir: string;
}

/** A fresh, migrated database: a new SQLite file, or a new schema on the test PostgreSQL server. */
export async function openTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), "offerkit-test-"));
  if (dialect === "sqlite") {
    const handle = openDatabase({ dataDir });
    await migrateToLatest(handle.db);
    return {
      ...handle,
      dataDir,
      close: async () => {
        await handle.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.OFFERKIT_TEST_DATABASE_URL;
  if (!url) throw new Error("OFFERKIT_TEST_DATABASE_URL is not set");
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin(url, (client) => client.query(`CREATE SCHEMA ${schema}`));
  const handle = openDatabase({ databaseUrl: url, dataDir, schema, poolSize: 5 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    dataDir,
    close: async () => {
      await handle.close();
      await withAdmin(url, (client) => client.query(`DROP SCHEMA ${schema} CASCADE`));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface EmptyPostgresDatabase {
  /** A `postgres://` URL naming a new database without any table. */
  url: string;
  /** Drops the database, closing whatever connections are still open on it. */
  drop(): Promise<void>;
}

/**
 * A new, empty database on the test PostgreSQL server (OFFERKIT_TEST_DATABASE_URL), for tests
 * that start real servers on it and so cannot hand them a schema of their own.
 */
export async function createEmptyPostgresDatabase(): Promise<EmptyPostgresDatabase> {
  const url = process.env.OFFERKIT_TEST_DATABASE_URL;
  if (!url) throw new Error("OFFERKIT_TEST_DATABASE_URL is not set");
  const name = `offerkit_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin(url, (client) => client.query(`CREATE DATABASE ${name}`));
  const database = new URL(url);
  database.pathname = `/${name}`;
  return {
    url: database.toString(),
    drop: () => withAdmin(url, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function withAdmin(url: string, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

/** The migrations released before `name`: the schema as a database made before it holds it. */
export function migrationsBefore(name: string): typeof migrations {
  return Object.fromEntries(Object.entries(migrations).filter(([released]) => released < name));
}

/** A free product of `sellerId` with the given ASIN, for tests of clicks and reports; its marketplace ID follows from the ASIN, so each is distinct. */
export async function insertFreeProduct(
  db: DatabaseHandle["db"],
  { sellerId, asin, id = `prod-${asin}`, title = "One" }: { sellerId: string; asin: string; id?: string; title?: string },
): Promise<void> {
  const at = "2027-01-01T00:00:00.000Z";
  await insertProduct(db, {
    id,
    sellerId,
    asin,
    marketplaceProductId: `00000000-0000-4000-8000-${createHash("sha256").update(asin).digest("hex").slice(0, 12)}`,
    productCode: "codecode01",
    title,
    description: "d",
    highlights: [],
    keywords: [],
    categories: [],
    pricing: { model: "free", dimensions: [] },
    supportConnection: false,
    createdAt: at,
    updatedAt: at,
  });
}

/**
 * Changes a sent offer's name as a hand-edited file or a doctored backup would: the database's
 * guard dropped first. For tests of what is served when stored terms no longer match their hash.
 */
export async function tamperWithSentOffer(db: DatabaseHandle["db"], offerId: string, name: string): Promise<void> {
  await sql.raw(dialectOf(db) === "sqlite" ? "DROP TRIGGER offers_sent_are_immutable" : "DROP TRIGGER offers_sent_are_immutable ON offers").execute(db);
  await db.updateTable("offers").set({ name }).where("id", "=", offerId).execute();
}

/**
 * Makes every insert into `table` fail until the returned function is called: a write that fails
 * in the middle of a transaction, for tests that prove the rest of it rolls back.
 */
export async function refuseInsertsInto(db: DatabaseHandle["db"], table: keyof Database): Promise<() => Promise<void>> {
  if (dialectOf(db) === "sqlite") {
    await sql.raw(`create trigger refuse_${table} before insert on ${table} begin select raise(abort, 'refused by the test'); end`).execute(db);
    return async () => {
      await sql.raw(`drop trigger refuse_${table}`).execute(db);
    };
  }
  await sql.raw(`create or replace function refuse_insert() returns trigger language plpgsql as $$ begin raise exception 'refused by the test'; end $$`).execute(db);
  await sql.raw(`create trigger refuse_${table} before insert on ${table} for each row execute function refuse_insert()`).execute(db);
  return async () => {
    await sql.raw(`drop trigger refuse_${table} on ${table}`).execute(db);
  };
}
