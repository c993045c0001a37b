import type { Kysely, Selectable, Updateable } from "kysely";
import type { Database, WebhookEndpointsTable } from "../schema";

export interface WebhookEndpointRecord {
  id: string;
  sellerId: string;
  url: string;
  description: string;
  eventTypes: string[];
  includeContactDetails: boolean;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: string | null;
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: string | null;
  failingSince: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toWebhookEndpointRecord(row: Selectable<WebhookEndpointsTable>): WebhookEndpointRecord {
  return {
    id: row.id,
    sellerId: row.seller_id,
    url: row.url,
    description: row.description,
    eventTypes: JSON.parse(row.event_types) as string[],
    includeContactDetails: Number(row.include_contact_details) === 1,
    secret: row.secret,
    previousSecret: row.previous_secret,
    previousSecretExpiresAt: row.previous_secret_expires_at,
    enabled: Number(row.enabled) === 1,
    disabledReason: row.disabled_reason,
    disabledAt: row.disabled_at,
    failingSince: row.failing_since,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertWebhookEndpoint(db: Kysely<Database>, endpoint: WebhookEndpointRecord): Promise<void> {
  await db
    .insertInto("webhook_endpoints")
    .values({
      id: endpoint.id,
      seller_id: endpoint.sellerId,
      url: endpoint.url,
      description: endpoint.description,
      event_types: JSON.stringify(endpoint.eventTypes),
      include_contact_details: endpoint.includeContactDetails ? 1 : 0,
      secret: endpoint.secret,
      previous_secret: endpoint.previousSecret,
      previous_secret_expires_at: endpoint.previousSecretExpiresAt,
      enabled: endpoint.enabled ? 1 : 0,
      disabled_reason: endpoint.disabledReason,
      disabled_at: endpoint.disabledAt,
      failing_since: endpoint.failingSince,
      created_at: endpoint.createdAt,
      updated_at: endpoint.updatedAt,
    })
    .execute();
}

export async function findWebhookEndpoint(db: Kysely<Database>, sellerId: string, id: string): Promise<WebhookEndpointRecord | null> {
  const row = await db.selectFrom("webhook_endpoints").selectAll().where("seller_id", "=", sellerId).where("id", "=", id).executeTakeFirst();
  return row ? toWebhookEndpointRecord(row) : null;
}

export async function listWebhookEndpoints(db: Kysely<Database>, sellerId: string): Promise<WebhookEndpointRecord[]> {
  const rows = await db.selectFrom("webhook_endpoints").selectAll().where("seller_id", "=", sellerId).orderBy("created_at").orderBy("id").execute();
  return rows.map(toWebhookEndpointRecord);
}

/** The seller's enabled endpoints that receive `type`. */
export async function listEndpointsFor(db: Kysely<Database>, sellerId: string, type: string): Promise<WebhookEndpointRecord[]> {
  const rows = await db.selectFrom("webhook_endpoints").selectAll().where("seller_id", "=", sellerId).where("enabled", "=", 1).execute();
  return rows.map(toWebhookEndpointRecord).filter((endpoint) => endpoint.eventTypes.includes(type));
}

export interface WebhookEndpointChange {
  url?: string;
  description?: string;
  eventTypes?: string[];
  includeContactDetails?: boolean;
  enabled?: boolean;
  disabledReason?: string | null;
  secret?: string;
  previousSecret?: string | null;
  previousSecretExpiresAt?: string | null;
  failingSince?: string | null;
  at: string;
}

/** Applies a change; false when the seller has no such endpoint. */
export async function updateWebhookEndpoint(db: Kysely<Database>, sellerId: string, id: string, change: WebhookEndpointChange): Promise<boolean> {
  const set: Updateable<WebhookEndpointsTable> = { updated_at: change.at };
  if (change.url !== undefined) set.url = change.url;
  if (change.description !== undefined) set.description = change.description;
  if (change.eventTypes !== undefined) set.event_types = JSON.stringify(change.eventTypes);
  if (change.includeContactDetails !== undefined) set.include_contact_details = change.includeContactDetails ? 1 : 0;
  if (change.enabled !== undefined) {
    set.enabled = change.enabled ? 1 : 0;
    set.disabled_at = change.enabled ? null : change.at;
    set.disabled_reason = change.enabled ? null : (change.disabledReason ?? null);
    if (change.enabled) set.failing_since = null;
  }
  if (change.secret !== undefined) set.secret = change.secret;
  if (change.previousSecret !== undefined) set.previous_secret = change.previousSecret;
  if (change.previousSecretExpiresAt !== undefined) set.previous_secret_expires_at = change.previousSecretExpiresAt;
  if (change.failingSince !== undefined) set.failing_since = change.failingSince;
  const result = await db.updateTable("webhook_endpoints").set(set).where("seller_id", "=", sellerId).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes an endpoint with its deliveries and their log. */
export async function deleteWebhookEndpoint(db: Kysely<Database>, sellerId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom("webhook_endpoints").where("seller_id", "=", sellerId).where("id", "=", id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A delivery failed: the endpoint has been failing since its first failure after a success. */
export async function markEndpointFailing(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable("webhook_endpoints").set({ failing_since: at }).where("id", "=", id).where("failing_since", "is", null).execute();
}

export async function markEndpointHealthy(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable("webhook_endpoints").set({ failing_since: null }).where("id", "=", id).where("failing_since", "is not", null).execute();
}

/** Offerkit disables an endpoint that keeps failing, and says why. */
export async function disableFailingEndpoint(db: Kysely<Database>, id: string, reason: string, at: string): Promise<void> {
  await db
    .updateTable("webhook_endpoints")
    .set({ enabled: 0, disabled_reason: reason, disabled_at: at, updated_at: at })
    .where("id", "=", id)
    .where("enabled", "=", 1)
    .execute();
}

/** An endpoint's signing secrets as the database keeps them (sealed). */
export interface StoredWebhookSecrets {
  id: string;
  secret: string;
  previousSecret: string | null;
}

/** Every endpoint's stored secrets, a page at a time in ID order: for sealing them again. */
export async function listStoredWebhookSecrets(db: Kysely<Database>, { afterId, limit }: { afterId: string; limit: number }): Promise<StoredWebhookSecrets[]> {
  const rows = await db.selectFrom("webhook_endpoints").select(["id", "secret", "previous_secret"]).where("id", ">", afterId).orderBy("id").limit(limit).execute();
  return rows.map((row) => ({ id: row.id, secret: row.secret, previousSecret: row.previous_secret }));
}

/** Puts `to` in place of an endpoint's stored secrets, only while they are still `from`: a rotation meanwhile wins. */
export async function replaceStoredWebhookSecrets(db: Kysely<Database>, from: StoredWebhookSecrets, to: Omit<StoredWebhookSecrets, "id">): Promise<boolean> {
  const result = await db
    .updateTable("webhook_endpoints")
    .set({ secret: to.secret, previous_secret: to.previousSecret })
    .where("id", "=", from.id)
    .where("secret", "=", from.secret)
    .where((eb) => (from.previousSecret === null ? eb("previous_secret", "is", null) : eb("previous_secret", "=", from.previousSecret)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
