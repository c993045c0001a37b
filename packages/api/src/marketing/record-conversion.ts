import { OfferkitError, subscriptionIdSchema, type recordConversionInputSchema, type RecordedConversion } from "@offerkit/core";
import {
  estimateOwnConversion,
  findAgreement,
  findProductByAsin,
  findSellerSubscription,
  type ConversionRecord,
  type Database,
  type Kysely,
} from "@offerkit/db";
import type { z } from "zod";
import type { ApiDeps } from "../deps";
import { attributeConversion } from "./attribute-conversion";
import { toConversionView } from "./conversion-view";
import { toMicros } from "./money-micros";

/**
 * The seller's own fulfilment flow reports a sale; it is credited to the visitor's latest click.
 * A sale Offerkit counted already, named by its agreement or subscription ID, gets the estimates
 * instead of a second conversion.
 */
export async function recordConversion(
  deps: Pick<ApiDeps, "db" | "clock" | "ids">,
  sellerId: string,
  input: z.output<typeof recordConversionInputSchema>,
): Promise<RecordedConversion> {
  const product = await findProductByAsin(deps.db, sellerId, input.asin);
  if (!product) throw new OfferkitError("NOT_FOUND", `No product with ASIN ${input.asin}`, [{ path: ["asin"], message: "Unknown product" }]);
  const estimates = { estimatedUsage: input.estimatedUsage, estimatedRevenueMicros: toMicros(input.estimatedRevenue) };
  const counted = await estimateOwnConversion(deps.db, { sellerId, asin: product.asin, externalId: await saleIdOf(deps.db, sellerId, input.externalId), ...estimates });
  if (counted) return recorded(ofProduct(counted, product.asin, input.externalId));
  const facts = {
    sellerId,
    productId: product.id,
    asin: product.asin,
    sessionKeys: [input.attributionId],
    source: "api" as const,
    externalId: input.externalId,
    ...estimates,
    at: deps.clock.now(),
  };
  const conversion = await deps.db.transaction().execute((trx) => attributeConversion(trx, deps.ids, facts));
  return conversion ? recorded(ofProduct(conversion, product.asin, input.externalId)) : { attributed: false, conversion: null };
}

/**
 * The ID Offerkit's conversion of a sale goes by: an accepted offer's is its agreement's, so its
 * subscription's ID leads there too. Any other ID is taken as it is.
 */
async function saleIdOf(db: Kysely<Database>, sellerId: string, externalId: string): Promise<string> {
  // An order ID of the seller's own is not looked up: only a subscription ID can lead elsewhere.
  if (!subscriptionIdSchema.safeParse(externalId).success) return externalId;
  const subscription = await findSellerSubscription(db, sellerId, externalId);
  if (!subscription?.offerId) return externalId;
  const agreement = await findAgreement(db, subscription.offerId, subscription.buyerAccount);
  return agreement?.id ?? externalId;
}

function recorded(conversion: ConversionRecord): RecordedConversion {
  return { attributed: true, conversion: toConversionView(conversion) };
}

/**
 * The external ID names one conversion: the same ID again for another product would quietly
 * answer with the first product's, and the second would never count.
 */
function ofProduct(conversion: ConversionRecord, asin: string, externalId: string): ConversionRecord {
  if (conversion.asin === asin) return conversion;
  throw new OfferkitError("IDEMPOTENCY_KEY_REUSED", `External ID ${externalId} was recorded for product ${conversion.asin}`, [
    { path: ["externalId"], message: `Already recorded for ${conversion.asin}: give each product of an order its own external ID, e.g. ${externalId}:${asin}` },
  ]);
}
