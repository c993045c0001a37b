import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { listEndpointsFor } from "./webhook-endpoints";

export interface WebhookEventRecord {
  id: string;
  sellerId: string;
  type: string;
  version: number;
  /** The event's `data`, as JSON. */
  data: string;
  /** Set for events a sweep finds: the same key is written once. */
  dedupeKey: string | null;
  createdAt: string;
}

/**
 * Writes an event and one delivery to each enabled endpoint of the seller that wants its type.
 * Call it with the transaction of the change the event reports. False when an event with the
 * same dedupe key was written before: nothing is written again.
 */
export async function insertWebhookEvent(
  db: Kysely<Database>,
  event: WebhookEventRecord,
  newDeliveryId: () => string,
  { onlyEndpointId, firstAttemptAt }: { onlyEndpointId?: string | undefined; firstAttemptAt?: string | undefined } = {},
): Promise<boolean> {
  const inserted = await db
    .insertInto("webhook_events")
    .values({
      id: event.id,
      seller_id: event.sellerId,
      type: event.type,
      version: event.version,
      data: event.data,
      dedupe_key: event.dedupeKey,
      created_at: event.createdAt,
    })
    .onConflict((conflict) => conflict.columns(["seller_id", "dedupe_key"]).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return false;

  const endpoints =
    onlyEndpointId === undefined
      ? await listEndpointsFor(db, event.sellerId, event.type)
      : [{ id: onlyEndpointId }];
  if (endpoints.length === 0) return true;
  await db
    .insertInto("webhook_deliveries")
    .values(
      endpoints.map((endpoint) => ({
        id: newDeliveryId(),
        event_id: event.id,
        endpoint_id: endpoint.id,
        seller_id: event.sellerId,
        state: "pending" as const,
        next_attempt_at: firstAttemptAt ?? event.createdAt,
        created_at: event.createdAt,
        delivered_at: null,
      })),
    )
    .execute();
  return true;
}

export async function findWebhookEvent(db: Kysely<Database>, sellerId: string, id: string): Promise<WebhookEventRecord | null> {
  const row = await db.selectFrom("webhook_events").selectAll().where("seller_id", "=", sellerId).where("id", "=", id).executeTakeFirst();
  return row
    ? { id: row.id, sellerId: row.seller_id, type: row.type, version: Number(row.version), data: row.data, dedupeKey: row.dedupe_key, createdAt: row.created_at }
    : null;
}

/** Whether a sweep already wrote the event with this key. */
export async function hasWebhookEvent(db: Kysely<Database>, sellerId: string, dedupeKey: string): Promise<boolean> {
  const row = await db.selectFrom("webhook_events").select("id").where("seller_id", "=", sellerId).where("dedupe_key", "=", dedupeKey).executeTakeFirst();
  return row !== undefined;
}
