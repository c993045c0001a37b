import { sql, type Kysely } from "kysely";
import { dialectOf } from "../dialect";

/** Columns of an offer that may never change once it is sent. */
const frozenColumns = [
  "seller_id",
  "product_id",
  "name",
  "description",
  "buyer_accounts",
  "pricing",
  "eula_sha256",
  "agreement",
  "acceptance_deadline",
  "refund_policy",
  "replaces_offer_id",
  "buyer_url",
  "terms_sha256",
  "created_at",
  "sent_at",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("sellers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("data_sharing_enrolled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("api_keys")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("seller_id", "text", (c) => c.notNull().references("sellers.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('seller', 'buyer')`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("key_hash", "text", (c) => c.notNull().unique())
    .addColumn("key_prefix", "text", (c) => c.notNull())
    .addColumn("scopes", "text", (c) => c.notNull())
    .addColumn("buyer_account", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("api_keys_seller").on("api_keys").column("seller_id").execute();

  await db.schema
    .createTable("products")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("seller_id", "text", (c) => c.notNull().references("sellers.id"))
    .addColumn("asin", "text", (c) => c.notNull().unique())
    .addColumn("marketplace_product_id", "text", (c) => c.notNull().unique())
    .addColumn("product_code", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("highlights", "text", (c) => c.notNull())
    .addColumn("keywords", "text", (c) => c.notNull())
    .addColumn("categories", "text", (c) => c.notNull())
    .addColumn("pricing_model", "text", (c) => c.notNull())
    .addColumn("pricing", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("products_seller").on("products").columns(["seller_id", "created_at"]).execute();

  await db.schema
    .createTable("eula_documents")
    .addColumn("seller_id", "text", (c) => c.notNull().references("sellers.id"))
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("page_count", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("eula_documents_pk", ["seller_id", "sha256"])
    .execute();

  await db.schema
    .createTable("offers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("seller_id", "text", (c) => c.notNull().references("sellers.id"))
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'sent', 'accepted')`))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("name", "text")
    .addColumn("description", "text")
    .addColumn("buyer_accounts", "text", (c) => c.notNull())
    .addColumn("pricing", "text")
    .addColumn("eula_sha256", "text")
    .addColumn("agreement", "text")
    .addColumn("acceptance_deadline", "text")
    .addColumn("refund_policy", "text")
    .addColumn("replaces_offer_id", "text", (c) => c.references("offers.id"))
    .addColumn("buyer_url", "text")
    .addColumn("terms_sha256", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("accepted_at", "text")
    .execute();
  await db.schema.createIndex("offers_seller_created").on("offers").columns(["seller_id", "created_at", "id"]).execute();
  await db.schema.createIndex("offers_seller_product").on("offers").columns(["seller_id", "product_id"]).execute();

  await db.schema
    .createTable("agreements")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("offer_id", "text", (c) => c.notNull().references("offers.id"))
    .addColumn("seller_id", "text", (c) => c.notNull().references("sellers.id"))
    .addColumn("product_id", "text", (c) => c.notNull().references("products.id"))
    .addColumn("buyer_account", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("pricing", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("agreements_offer_buyer", ["offer_id", "buyer_account"])
    .execute();

  await db.schema
    .createTable("idempotency_keys")
    .addColumn("principal_id", "text", (c) => c.notNull())
    .addColumn("operation", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("response", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("idempotency_keys_pk", ["principal_id", "operation", "key"])
    .execute();

  await createImmutabilityGuard(db);
}

/**
 * The database's own refusal to change a sent offer, so that no code path and no race can do
 * it. A sent offer may only move to `accepted` (with its time); it is never deleted.
 */
async function createImmutabilityGuard(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === "sqlite") {
    const changed = frozenColumns.map((column) => `NEW.${column} IS NOT OLD.${column}`).join(" OR ");
    await sql
      .raw(
        `CREATE TRIGGER offers_sent_are_immutable BEFORE UPDATE ON offers
         WHEN OLD.status <> 'draft' AND (NEW.status = 'draft' OR ${changed})
         BEGIN SELECT RAISE(ABORT, 'OFFER_IMMUTABLE: a sent offer cannot change'); END`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER offers_sent_are_kept BEFORE DELETE ON offers
         WHEN OLD.status <> 'draft'
         BEGIN SELECT RAISE(ABORT, 'OFFER_IMMUTABLE: a sent offer cannot be deleted'); END`,
      )
      .execute(db);
    return;
  }
  const oldRow = frozenColumns.map((column) => `OLD.${column}`).join(", ");
  const newRow = frozenColumns.map((column) => `NEW.${column}`).join(", ");
  await sql
    .raw(
      `CREATE FUNCTION offers_guard_sent() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF OLD.status <> 'draft' THEN
           IF TG_OP = 'DELETE' THEN
             RAISE EXCEPTION 'OFFER_IMMUTABLE: a sent offer cannot be deleted';
           END IF;
           IF NEW.status = 'draft' OR ROW(${newRow}) IS DISTINCT FROM ROW(${oldRow}) THEN
             RAISE EXCEPTION 'OFFER_IMMUTABLE: a sent offer cannot change';
           END IF;
         END IF;
         IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
         RETURN NEW;
       END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER offers_sent_are_immutable BEFORE UPDATE OR DELETE ON offers
       FOR EACH ROW EXECUTE FUNCTION offers_guard_sent()`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error("The initial migration is not reversible");
}
