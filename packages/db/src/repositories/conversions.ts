import type { ConversionView } from "@offerkit/core";
import type { Kysely, Selectable } from "kysely";
import type { ConversionsTable, Database } from "../schema";

export type ConversionRecord = Omit<ConversionView, "estimatedRevenue"> & {
  sellerId: string;
  productId: string;
  sessionKey: string;
  externalId: string;
  estimatedRevenueMicros: bigint;
};

function toRecord(row: Selectable<ConversionsTable>): ConversionRecord {
  return {
    id: row.id,
    sellerId: row.seller_id,
    productId: row.product_id,
    asin: row.asin,
    refTag: row.ref_tag,
    clickDay: row.click_day,
    sessionKey: row.session_key,
    source: row.source,
    externalId: row.external_id,
    estimatedUsage: Number(row.estimated_usage),
    estimatedRevenueMicros: BigInt(row.estimated_revenue_micros),
    convertedAt: row.converted_at,
  };
}

/** Records a conversion; a second one with the same source and external ID is ignored. */
export async function insertConversion(db: Kysely<Database>, conversion: ConversionRecord): Promise<ConversionRecord> {
  await db
    .insertInto("conversions")
    .values({
      id: conversion.id,
      seller_id: conversion.sellerId,
      product_id: conversion.productId,
      asin: conversion.asin,
      ref_tag: conversion.refTag,
      click_day: conversion.clickDay,
      session_key: conversion.sessionKey,
      source: conversion.source,
      external_id: conversion.externalId,
      estimated_usage: conversion.estimatedUsage,
      estimated_revenue_micros: conversion.estimatedRevenueMicros.toString(),
      converted_at: conversion.convertedAt,
    })
    .onConflict((conflict) => conflict.columns(["seller_id", "source", "external_id"]).doNothing())
    .execute();
  const stored = await db
    .selectFrom("conversions")
    .selectAll()
    .where("seller_id", "=", conversion.sellerId)
    .where("source", "=", conversion.source)
    .where("external_id", "=", conversion.externalId)
    .executeTakeFirstOrThrow();
  return toRecord(stored);
}

/**
 * Gives the conversion an accepted offer or a subscription made (its agreement or subscription
 * ID as `externalId`) the seller's estimates, if it is of this product and has none yet; null
 * when there is no such conversion, of whichever product. Set once: recording the same sale
 * again changes nothing, as for the seller's own.
 */
export async function estimateOwnConversion(
  db: Kysely<Database>,
  {
    sellerId,
    asin,
    externalId,
    estimatedUsage,
    estimatedRevenueMicros,
  }: { sellerId: string; asin: string; externalId: string; estimatedUsage: number; estimatedRevenueMicros: bigint },
): Promise<ConversionRecord | null> {
  await db
    .updateTable("conversions")
    .set({ estimated_usage: estimatedUsage, estimated_revenue_micros: estimatedRevenueMicros.toString() })
    .where("seller_id", "=", sellerId)
    .where("source", "in", ["offer", "subscription"])
    .where("external_id", "=", externalId)
    .where("asin", "=", asin)
    .where("estimated_usage", "=", 0)
    .where("estimated_revenue_micros", "=", "0")
    .execute();
  const stored = await db
    .selectFrom("conversions")
    .selectAll()
    .where("seller_id", "=", sellerId)
    .where("source", "in", ["offer", "subscription"])
    .where("external_id", "=", externalId)
    .executeTakeFirst();
  return stored ? toRecord(stored) : null;
}
