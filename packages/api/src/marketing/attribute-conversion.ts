import { ATTRIBUTION_WINDOW_DAYS, addDays, hashedOrigin } from "@offerkit/core";
import { findLatestClick, insertConversion, type ConversionRecord, type Database, type Kysely } from "@offerkit/db";
import type { IdGenerator } from "../deps";
import { recordWebhookEvent } from "../webhooks/record-event";

export interface ConversionFacts {
  sellerId: string;
  productId: string;
  asin: string;
  /**
   * The visitor's sessions, first to try first: the attribution ID passed along, then the
   * tracking cookie. An attribution ID no click carries (made on the page, or another link's)
   * does not hide the click the cookie names.
   */
  sessionKeys: readonly (string | null | undefined)[];
  source: ConversionRecord["source"];
  externalId: string;
  estimatedUsage: number;
  estimatedRevenueMicros: bigint;
  at: Date;
}

/**
 * Credits a conversion to the visitor's latest click on the product within 30 days. Null when
 * there is none: a purchase nobody clicked to is not a campaign's conversion. Recording the same
 * source and external ID again returns the first conversion. A new conversion writes its
 * `conversion.credited` event: call it in the transaction of the sale it credits.
 */
export async function attributeConversion(db: Kysely<Database>, ids: IdGenerator, facts: ConversionFacts): Promise<ConversionRecord | null> {
  const since = addDays(facts.at, -ATTRIBUTION_WINDOW_DAYS).toISOString();
  const given = facts.sessionKeys.filter((key): key is string => Boolean(key));
  // A browser's own ID stands after the hash it was first known by: that hash's clicks count too.
  const keys = given.flatMap((key) => [key, hashedOrigin(key)]).filter((key): key is string => key !== null);
  for (const sessionKey of keys) {
    const click = await findLatestClick(db, { sellerId: facts.sellerId, asin: facts.asin, sessionKey, since });
    if (click) return credit(db, ids, facts, sessionKey, click);
  }
  return null;
}

async function credit(db: Kysely<Database>, ids: IdGenerator, facts: ConversionFacts, sessionKey: string, click: { refTag: string; day: string }): Promise<ConversionRecord> {
  const id = ids.newId("conv");
  const stored = await insertConversion(db, {
    id,
    sellerId: facts.sellerId,
    productId: facts.productId,
    asin: facts.asin,
    refTag: click.refTag,
    clickDay: click.day,
    sessionKey,
    source: facts.source,
    externalId: facts.externalId,
    estimatedUsage: facts.estimatedUsage,
    estimatedRevenueMicros: facts.estimatedRevenueMicros,
    convertedAt: facts.at.toISOString(),
  });
  if (stored.id === id) {
    const data = {
      conversionId: id,
      productId: stored.productId,
      asin: stored.asin,
      refTag: stored.refTag,
      source: stored.source,
      externalId: stored.externalId,
      convertedAt: stored.convertedAt,
    };
    await recordWebhookEvent(db, ids, { sellerId: stored.sellerId, type: "conversion.credited", data, at: facts.at });
  }
  return stored;
}
