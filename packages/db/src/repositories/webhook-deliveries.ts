import { sql, type Kysely } from "kysely";
import { olderThan, type PageCursor } from "../pagination";
import type { Database, WebhookDeliveriesTable } from "../schema";
import { toWebhookEndpointRecord, type WebhookEndpointRecord } from "./webhook-endpoints";
import type { WebhookEventRecord } from "./webhook-events";

export type WebhookDeliveryState = WebhookDeliveriesTable["state"];

/** A delivery due now, with what sending it needs. */
export interface DueWebhookDelivery {
  id: string;
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
  event: WebhookEventRecord;
  endpoint: WebhookEndpointRecord;
}

function deliveriesWithEventAndEndpoint(db: Kysely<Database>) {
  return db
    .selectFrom("webhook_deliveries as d")
    .innerJoin("webhook_endpoints as e", "e.id", "d.endpoint_id")
    .innerJoin("webhook_events as v", "v.id", "d.event_id")
    .selectAll("e")
    .select([
      "d.id as delivery_id",
      "d.attempts as delivery_attempts",
      "d.next_attempt_at as delivery_next_attempt_at",
      "d.created_at as delivery_created_at",
      "v.id as event_id",
      "v.type as event_type",
      "v.version as event_version",
      "v.data as event_data",
      "v.dedupe_key as event_dedupe_key",
      "v.created_at as event_created_at",
    ])
    .where("d.state", "=", "pending")
    .where("e.enabled", "=", 1);
}

type DueRow = Awaited<ReturnType<ReturnType<typeof deliveriesWithEventAndEndpoint>["execute"]>>[number];

function toDue(row: DueRow): DueWebhookDelivery[] {
  if (row.delivery_next_attempt_at === null) return [];
  return [
    {
      id: row.delivery_id,
      attempts: Number(row.delivery_attempts),
      nextAttemptAt: row.delivery_next_attempt_at,
      createdAt: row.delivery_created_at,
      endpoint: toWebhookEndpointRecord(row),
      event: {
        id: row.event_id,
        sellerId: row.seller_id,
        type: row.event_type,
        version: Number(row.event_version),
        data: row.event_data,
        dedupeKey: row.event_dedupe_key,
        createdAt: row.event_created_at,
      },
    },
  ];
}

/** Pending deliveries to enabled endpoints whose next attempt is due at `now`, the longest waiting first. */
export async function listDueWebhookDeliveries(
  db: Kysely<Database>,
  now: string,
  limit: number,
  /** Endpoints left out: the caller's attempts to them are stuck, and their backlog must not fill the list. */
  { exceptEndpointIds = [] }: { exceptEndpointIds?: readonly string[] } = {},
): Promise<DueWebhookDelivery[]> {
  let due = deliveriesWithEventAndEndpoint(db).where("d.next_attempt_at", "<=", now);
  if (exceptEndpointIds.length > 0) due = due.where("d.endpoint_id", "not in", exceptEndpointIds);
  const rows = await due.orderBy("d.next_attempt_at").orderBy("d.id").limit(limit).execute();
  return rows.flatMap(toDue);
}

/** The pending delivery of one event to one endpoint, if there is one. */
export async function findPendingWebhookDelivery(db: Kysely<Database>, eventId: string, endpointId: string): Promise<DueWebhookDelivery | null> {
  const row = await deliveriesWithEventAndEndpoint(db).where("d.event_id", "=", eventId).where("d.endpoint_id", "=", endpointId).executeTakeFirst();
  return row ? (toDue(row)[0] ?? null) : null;
}

/**
 * Takes a due delivery for one server: moves its next attempt to `leaseUntil` only if no other
 * server moved it first. False when another server got it. A server stopped mid-delivery leaves
 * it to whichever server finds it due again once the lease has passed.
 */
export async function claimWebhookDelivery(db: Kysely<Database>, delivery: Pick<DueWebhookDelivery, "id" | "nextAttemptAt">, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable("webhook_deliveries")
    .set({ next_attempt_at: leaseUntil })
    .where("id", "=", delivery.id)
    .where("state", "=", "pending")
    .where("next_attempt_at", "=", delivery.nextAttemptAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface WebhookAttemptRecord {
  id: string;
  deliveryId: string;
  attemptedAt: string;
  durationMs: number;
  status: number | null;
  error: string | null;
  response: string;
}

/**
 * Logs an attempt and moves its delivery on: delivered, failed for good, or due again at
 * `nextAttemptAt`; only while the delivery is still held by this attempt's claim (`heldUntil`).
 * A delivery replayed meanwhile, or taken by another server after the claim ran out, is left to
 * that: false, with the attempt logged all the same (unless the delivery is gone).
 */
export async function recordWebhookAttempt(
  db: Kysely<Database>,
  attempt: WebhookAttemptRecord,
  outcome: { state: WebhookDeliveryState; nextAttemptAt: string | null },
  heldUntil: string,
): Promise<boolean> {
  const moved = await db
    .updateTable("webhook_deliveries")
    .set({
      state: outcome.state,
      attempts: sql<number>`attempts + 1`,
      next_attempt_at: outcome.nextAttemptAt,
      delivered_at: outcome.state === "delivered" ? attempt.attemptedAt : null,
    })
    .where("id", "=", attempt.deliveryId)
    .where("state", "=", "pending")
    .where("next_attempt_at", "=", heldUntil)
    .executeTakeFirst();
  const applied = Number(moved.numUpdatedRows) > 0;
  // Its endpoint deleted mid-attempt, the delivery is gone with its log: nothing to add to.
  if (!applied && !(await db.selectFrom("webhook_deliveries").select("id").where("id", "=", attempt.deliveryId).executeTakeFirst())) return false;
  await db
    .insertInto("webhook_attempts")
    .values({
      id: attempt.id,
      delivery_id: attempt.deliveryId,
      attempted_at: attempt.attemptedAt,
      duration_ms: Math.round(attempt.durationMs),
      status: attempt.status,
      error: attempt.error,
      response: attempt.response,
    })
    .execute();
  return applied;
}

export interface WebhookDeliveryRecord {
  id: string;
  eventId: string;
  eventType: string;
  state: WebhookDeliveryState;
  attempts: number;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
  log: Omit<WebhookAttemptRecord, "id" | "deliveryId">[];
}

/** An endpoint's deliveries, newest first, each with its attempts, oldest first. */
export async function listWebhookDeliveries(
  db: Kysely<Database>,
  { endpointId, state, after, limit }: { endpointId: string; state?: WebhookDeliveryState | undefined; after: PageCursor | null; limit: number },
): Promise<WebhookDeliveryRecord[]> {
  let query = db
    .selectFrom("webhook_deliveries as d")
    .innerJoin("webhook_events as v", "v.id", "d.event_id")
    .select(["d.id", "d.event_id", "v.type", "d.state", "d.attempts", "d.next_attempt_at", "d.created_at", "d.delivered_at"])
    .where("d.endpoint_id", "=", endpointId);
  if (state !== undefined) query = query.where("d.state", "=", state);
  if (after) query = query.where(olderThan(after));
  const rows = await query.orderBy("d.created_at", "desc").orderBy("d.id", "desc").limit(limit).execute();
  const ids = rows.map((row) => row.id);
  const attempts =
    ids.length === 0
      ? []
      : await db.selectFrom("webhook_attempts").selectAll().where("delivery_id", "in", ids).orderBy("attempted_at").orderBy("id").execute();
  return rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    eventType: row.type,
    state: row.state,
    attempts: Number(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    log: attempts
      .filter((attempt) => attempt.delivery_id === row.id)
      .map((attempt) => ({
        attemptedAt: attempt.attempted_at,
        durationMs: Number(attempt.duration_ms),
        status: attempt.status === null ? null : Number(attempt.status),
        error: attempt.error,
        response: attempt.response,
      })),
  }));
}

/**
 * Sends events again to one endpoint: each gets a pending delivery due at `now`, a new one or
 * its earlier one started over. Answers how many were queued.
 */
export async function queueWebhookReplays(
  db: Kysely<Database>,
  { sellerId, endpointId, eventIds, now, newDeliveryId }: { sellerId: string; endpointId: string; eventIds: string[]; now: string; newDeliveryId: () => string },
): Promise<number> {
  for (const eventId of eventIds) {
    await db
      .insertInto("webhook_deliveries")
      .values({ id: newDeliveryId(), event_id: eventId, endpoint_id: endpointId, seller_id: sellerId, state: "pending", next_attempt_at: now, created_at: now, delivered_at: null })
      .onConflict((conflict) =>
        conflict.columns(["event_id", "endpoint_id"]).doUpdateSet({ state: "pending", attempts: 0, next_attempt_at: now, created_at: now, delivered_at: null }),
      )
      .execute();
  }
  return eventIds.length;
}

/** The seller's events of these types in [since, until), oldest first, at most `limit`. */
export async function listWebhookEventIds(
  db: Kysely<Database>,
  { sellerId, types, since, until, limit }: { sellerId: string; types: string[]; since: string; until: string; limit: number },
): Promise<string[]> {
  if (types.length === 0) return [];
  const rows = await db
    .selectFrom("webhook_events")
    .select("id")
    .where("seller_id", "=", sellerId)
    .where("type", "in", types)
    .where("created_at", ">=", since)
    .where("created_at", "<", until)
    .orderBy("created_at")
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Forgets the log older than `before`: attempts, and events with every delivery finished (their
 * deliveries go with them). Events still being delivered stay, however old.
 */
export async function pruneWebhookLog(db: Kysely<Database>, before: string): Promise<{ attempts: number; events: number }> {
  const attempts = await db.deleteFrom("webhook_attempts").where("attempted_at", "<", before).executeTakeFirst();
  const events = await db
    .deleteFrom("webhook_events")
    .where("created_at", "<", before)
    .where((eb) => eb.not(eb.exists(eb.selectFrom("webhook_deliveries").select("id").whereRef("event_id", "=", "webhook_events.id").where("state", "=", "pending"))))
    .executeTakeFirst();
  return { attempts: Number(attempts.numDeletedRows), events: Number(events.numDeletedRows) };
}
