import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";

export interface UsageRecord {
  productId: string;
  buyerAccount: string;
  dimension: string;
  hour: string;
  quantity: number;
  recordedAt: string;
}

/** Stores a metering record once: false when that product, customer, dimension and hour was already reported. */
export async function insertUsage(db: Kysely<Database>, record: UsageRecord): Promise<boolean> {
  const result = await db
    .insertInto("usage_records")
    .values({
      product_id: record.productId,
      buyer_account: record.buyerAccount,
      dimension: record.dimension,
      hour: record.hour,
      quantity: record.quantity,
      recorded_at: record.recordedAt,
    })
    .onConflict((conflict) => conflict.columns(["product_id", "buyer_account", "dimension", "hour"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** One customer's usage per product, dimension and hour since `since`, oldest first: what hourly + annual charges are figured from. */
export async function usageByHour(
  db: Kysely<Database>,
  account: string,
  productIds: readonly string[],
  since: string,
): Promise<{ productId: string; dimension: string; hour: string; quantity: number }[]> {
  if (productIds.length === 0) return [];
  const rows = await db
    .selectFrom("usage_records")
    .select(["product_id", "dimension", "hour", "quantity"])
    .where("product_id", "in", productIds)
    .where("buyer_account", "=", account)
    .where("hour", ">=", since)
    .orderBy("product_id")
    .orderBy("dimension")
    .orderBy("hour")
    .execute();
  return rows.map((row) => ({ productId: row.product_id, dimension: row.dimension, hour: row.hour, quantity: Number(row.quantity) }));
}

/** Usage per dimension of one customer on some products since `since`: one indexed range per product. */
export async function usageByDimension(
  db: Kysely<Database>,
  account: string,
  productIds: readonly string[],
  since: string,
): Promise<{ productId: string; dimension: string; quantity: number }[]> {
  if (productIds.length === 0) return [];
  const rows = await db
    .selectFrom("usage_records")
    .select(["product_id", "dimension", sql<number | string>`sum(quantity)`.as("quantity")])
    .where("product_id", "in", productIds)
    .where("buyer_account", "=", account)
    .where("hour", ">=", since)
    .groupBy(["product_id", "dimension"])
    .orderBy("product_id")
    .orderBy("dimension")
    .execute();
  return rows.map((row) => ({ productId: row.product_id, dimension: row.dimension, quantity: Number(row.quantity) }));
}
