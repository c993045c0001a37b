import { errorMessage } from "@offerkit/core";
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from "kysely";
import { dialectOf } from "./dialect";
import * as initial from "./migrations/0001-initial";
import * as refTags from "./migrations/0002-ref-tags";
import * as support from "./migrations/0003-support";
import * as supportContacts from "./migrations/0004-support-contacts";
import * as publications from "./migrations/0005-publications";
import * as offerInstallments from "./migrations/0006-offer-installments";
import * as clickTags from "./migrations/0007-click-tags";
import * as onePublicSubscription from "./migrations/0008-one-public-subscription";
import * as sentOfferGuardWithoutGaps from "./migrations/0009-sent-offer-guard-without-gaps";
import * as clickCounts from "./migrations/0010-click-counts";
import * as sentOfferIds from "./migrations/0011-sent-offer-ids";
import * as marketplaceAgreements from "./migrations/0012-marketplace-agreements";
import * as stampedEulaCopies from "./migrations/0013-stamped-eula-copies";
import * as buyerAccess from "./migrations/0014-buyer-access";
import * as dataKeys from "./migrations/0015-data-keys";
import * as saasCustomers from "./migrations/0016-saas-customers";
import * as webhooks from "./migrations/0017-webhooks";
import type { Database } from "./schema";

/** Every migration, in order. Committed and never edited once released: add a new one instead. */
export const migrations: Record<string, Migration> = {
  "0001-initial": initial,
  "0002-ref-tags": refTags,
  "0003-support": support,
  "0004-support-contacts": supportContacts,
  "0005-publications": publications,
  "0006-offer-installments": offerInstallments,
  "0007-click-tags": clickTags,
  "0008-one-public-subscription": onePublicSubscription,
  "0009-sent-offer-guard-without-gaps": sentOfferGuardWithoutGaps,
  "0010-click-counts": clickCounts,
  "0011-sent-offer-ids": sentOfferIds,
  "0012-marketplace-agreements": marketplaceAgreements,
  "0013-stamped-eula-copies": stampedEulaCopies,
  "0014-buyer-access": buyerAccess,
  "0015-data-keys": dataKeys,
  "0016-saas-customers": saasCustomers,
  "0017-webhooks": webhooks,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Kysely looks for its own tables in every schema it can see unless told which one: on a
 * server shared by several schemas (tests, or tenants), another schema's tables would count
 * as this one's. Name the schema the connection works in.
 */
async function migratorFor(db: Kysely<Database>): Promise<Migrator> {
  if (dialectOf(db) !== "postgres") return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = rows[0]?.schema;
  return new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
}

/**
 * Brings the schema to the latest migration. Kysely's migrator takes a lock, so several
 * servers starting together run each migration once.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const { error, results } = await untilCatalogSettles(async () => (await migratorFor(db)).migrateToLatest());
  throwIfNewer(error);
  const failed = results?.find((result) => result.status === "Error");
  if (error !== undefined || failed !== undefined) {
    const name = failed?.migrationName ?? "unknown";
    throw new Error(`Database migration ${name} failed: ${errorMessage(error)}`, {
      cause: error,
    });
  }
}

/** PostgreSQL's codes for a column or table gone while a catalog query read it. */
const CATALOG_RACE_CODES = new Set(["42703", "42P01"]);

/**
 * Kysely's migrator first reads the columns of every table in every schema it can see. A column
 * or table another schema drops meanwhile (parallel test suites, another application on the same
 * server) fails that read before any migration ran: it is read again, up to three times. A
 * migration that fails is never run again here: it reports its results.
 */
export async function untilCatalogSettles(run: () => Promise<MigrationResultSet>): Promise<MigrationResultSet> {
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await run();
    const code = typeof outcome.error === "object" && outcome.error !== null && "code" in outcome.error ? String(outcome.error.code) : "";
    if (outcome.results !== undefined || !CATALOG_RACE_CODES.has(code) || attempt === 3) return outcome;
  }
}

/**
 * Takes the schema back to just before migration `name`, through each later migration's own
 * `down`: tests of a migration run it on data shaped as it found it.
 */
export async function migrateBackBefore(db: Kysely<Database>, name: string): Promise<void> {
  const names = Object.keys(migrations);
  const previous = names[names.indexOf(name) - 1];
  if (previous === undefined) throw new Error(`No migration comes before ${name}`);
  const { error } = await untilCatalogSettles(async () => (await migratorFor(db)).migrateTo(previous));
  if (error !== undefined) throw error instanceof Error ? error : new Error(String(error));
}

/** Names of migrations not yet applied; empty when the schema is current. */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const all = await (await migratorFor(db)).getMigrations();
  return all.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
}

export interface MigrationState {
  name: string;
  /** When it ran, or null when it is pending. */
  executedAt: Date | null;
}

/** Every migration this code knows, in order, with when it ran on this database. */
export async function migrationStatus(db: Kysely<Database>): Promise<MigrationState[]> {
  const all = await (await migratorFor(db)).getMigrations();
  return all.map((migration) => ({ name: migration.name, executedAt: migration.executedAt ?? null }));
}

/** The names of the migrations this code knows, in order. */
export function migrationNames(): string[] {
  return Object.keys(migrations);
}

/**
 * A database that ran a migration this code does not know was upgraded by a newer release.
 * Kysely refuses it ("corrupted migrations"); say what that means for an operator mid-upgrade.
 */
function throwIfNewer(error: unknown): void {
  const unknown = /previously executed migration (\S+) is missing/.exec(errorMessage(error))?.[1];
  if (unknown === undefined) return;
  throw new Error(
    `This database was upgraded by a newer Offerkit (migration ${unknown} is unknown to this version): run that version or a newer one. Going back to this version means restoring a backup taken before the upgrade.`,
    { cause: error },
  );
}
