import { ATTRIBUTION_WINDOW_DAYS, addDays } from "@offerkit/core";
import { findLatestClick, insertConversion, type ConversionRecord, type Database, type Kysely } from "@offerkit/db";
import type { IdGenerator } from "../deps";

export interface ConversionFacts {
  sellerId: string;
  productId: string;
  asin: string;
  /** The visitor's session: the attribution ID passed along, or the tracking cookie. */
  sessionKey: string;
  source: ConversionRecord["source"];
  externalId: string;
  estimatedUsage: number;
  estimatedRevenueMicros: bigint;
  at: Date;
}

/**
 * Credits a conversion to the visitor's latest click on the product within 30 days. Null when
 * there is none: a purchase nobody clicked to is not a campaign's conversion. Recording the same
 * source and external ID again returns the first conversion.
 */
export async function attributeConversion(db: Kysely<Database>, ids: IdGenerator, facts: ConversionFacts): Promise<ConversionRecord | null> {
  const since = addDays(facts.at, -ATTRIBUTION_WINDOW_DAYS).toISOString();
  const click = await findLatestClick(db, { sellerId: facts.sellerId, asin: facts.asin, sessionKey: facts.sessionKey, since });
  if (!click) return null;
  return insertConversion(db, {
    id: ids.newId("conv"),
    sellerId: facts.sellerId,
    productId: facts.productId,
    asin: facts.asin,
    refTag: click.refTag,
    clickDay: click.day,
    sessionKey: facts.sessionKey,
    source: facts.source,
    externalId: facts.externalId,
    estimatedUsage: facts.estimatedUsage,
    estimatedRevenueMicros: facts.estimatedRevenueMicros,
    convertedAt: facts.at.toISOString(),
  });
}
