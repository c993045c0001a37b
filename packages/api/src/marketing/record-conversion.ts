import { OfferkitError, type recordConversionInputSchema, type RecordedConversion } from "@offerkit/core";
import { findProductByAsin } from "@offerkit/db";
import type { z } from "zod";
import type { ApiDeps } from "../deps";
import { attributeConversion } from "./attribute-conversion";
import { toConversionView } from "./conversion-view";
import { toMicros } from "./money-micros";

/** The seller's own fulfilment flow reports a sale; it is credited to the visitor's latest click. */
export async function recordConversion(
  deps: Pick<ApiDeps, "db" | "clock" | "ids">,
  sellerId: string,
  input: z.output<typeof recordConversionInputSchema>,
): Promise<RecordedConversion> {
  const product = await findProductByAsin(deps.db, sellerId, input.asin);
  if (!product) throw new OfferkitError("NOT_FOUND", `No product with ASIN ${input.asin}`, [{ path: ["asin"], message: "Unknown product" }]);
  const conversion = await attributeConversion(deps.db, deps.ids, {
    sellerId,
    productId: product.id,
    asin: product.asin,
    sessionKeys: [input.attributionId],
    source: "api",
    externalId: input.externalId,
    estimatedUsage: input.estimatedUsage,
    estimatedRevenueMicros: toMicros(input.estimatedRevenue),
    at: deps.clock.now(),
  });
  // The external ID names one conversion: the same ID again for another product would quietly
  // answer with the first product's, and the second would never count.
  if (conversion && conversion.asin !== product.asin) {
    throw new OfferkitError("IDEMPOTENCY_KEY_REUSED", `External ID ${input.externalId} was recorded for product ${conversion.asin}`, [
      { path: ["externalId"], message: `Already recorded for ${conversion.asin}: give each product of an order its own external ID, e.g. ${input.externalId}:${product.asin}` },
    ]);
  }
  return { attributed: conversion !== null, conversion: conversion ? toConversionView(conversion) : null };
}
