import type { Kysely } from "kysely";

/**
 * Webhooks. Events are an outbox: each is written in the transaction of the change it reports,
 * with one delivery per endpoint that wants it, so a crash can neither send an event for a change
 * that did not commit nor lose one that did. Deliveries are claimed by moving their next attempt
 * forward only if no other server moved it first; every attempt is logged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("webhook_endpoints")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("seller_id", "text", (column) => column.notNull().references("sellers.id"))
    .addColumn("url", "text", (column) => column.notNull())
    .addColumn("description", "text", (column) => column.notNull())
    .addColumn("event_types", "text", (column) => column.notNull())
    .addColumn("include_contact_details", "integer", (column) => column.notNull().defaultTo(0))
    .addColumn("secret", "text", (column) => column.notNull())
    .addColumn("previous_secret", "text")
    .addColumn("previous_secret_expires_at", "text")
    .addColumn("enabled", "integer", (column) => column.notNull().defaultTo(1))
    .addColumn("disabled_reason", "text")
    .addColumn("disabled_at", "text")
    .addColumn("failing_since", "text")
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("updated_at", "text", (column) => column.notNull())
    .execute();
  await db.schema.createIndex("webhook_endpoints_seller").on("webhook_endpoints").columns(["seller_id", "created_at"]).execute();

  await db.schema
    .createTable("webhook_events")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("seller_id", "text", (column) => column.notNull().references("sellers.id"))
    .addColumn("type", "text", (column) => column.notNull())
    .addColumn("version", "integer", (column) => column.notNull())
    .addColumn("data", "text", (column) => column.notNull())
    // Events a sweep finds (an expired offer, an ended agreement) are written once by this key.
    .addColumn("dedupe_key", "text")
    .addColumn("created_at", "text", (column) => column.notNull())
    .execute();
  await db.schema.createIndex("webhook_events_dedupe").on("webhook_events").columns(["seller_id", "dedupe_key"]).unique().execute();
  await db.schema.createIndex("webhook_events_seller_created").on("webhook_events").columns(["seller_id", "created_at"]).execute();

  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("event_id", "text", (column) => column.notNull().references("webhook_events.id").onDelete("cascade"))
    .addColumn("endpoint_id", "text", (column) => column.notNull().references("webhook_endpoints.id").onDelete("cascade"))
    .addColumn("seller_id", "text", (column) => column.notNull())
    .addColumn("state", "text", (column) => column.notNull())
    .addColumn("attempts", "integer", (column) => column.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text")
    .addColumn("created_at", "text", (column) => column.notNull())
    .addColumn("delivered_at", "text")
    .execute();
  await db.schema.createIndex("webhook_deliveries_event_endpoint").on("webhook_deliveries").columns(["event_id", "endpoint_id"]).unique().execute();
  await db.schema.createIndex("webhook_deliveries_due").on("webhook_deliveries").columns(["next_attempt_at"]).execute();
  await db.schema.createIndex("webhook_deliveries_endpoint").on("webhook_deliveries").columns(["endpoint_id", "created_at"]).execute();

  await db.schema
    .createTable("webhook_attempts")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("delivery_id", "text", (column) => column.notNull().references("webhook_deliveries.id").onDelete("cascade"))
    .addColumn("attempted_at", "text", (column) => column.notNull())
    .addColumn("duration_ms", "integer", (column) => column.notNull())
    .addColumn("status", "integer")
    .addColumn("error", "text")
    .addColumn("response", "text", (column) => column.notNull())
    .execute();
  await db.schema.createIndex("webhook_attempts_delivery").on("webhook_attempts").columns(["delivery_id", "attempted_at"]).execute();
  await db.schema.createIndex("webhook_attempts_attempted").on("webhook_attempts").columns(["attempted_at"]).execute();

  // The sweeps look every minute for offers past their deadline and agreements that ended.
  await db.schema.createIndex("offers_acceptance_deadline").on("offers").columns(["acceptance_deadline"]).execute();
  await db.schema.createIndex("subscriptions_ends_at").on("subscriptions").columns(["ends_at"]).execute();
  await db.schema.createIndex("subscriptions_cancelled_at").on("subscriptions").columns(["cancelled_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("subscriptions_cancelled_at").execute();
  await db.schema.dropIndex("subscriptions_ends_at").execute();
  await db.schema.dropIndex("offers_acceptance_deadline").execute();
  await db.schema.dropTable("webhook_attempts").execute();
  await db.schema.dropTable("webhook_deliveries").execute();
  await db.schema.dropTable("webhook_events").execute();
  await db.schema.dropTable("webhook_endpoints").execute();
}
