import type { ConversionView } from "@offerkit/core";
import type { ConversionRecord } from "@offerkit/db";
import { fromMicros } from "./money-micros";

export function toConversionView(record: ConversionRecord): ConversionView {
  return {
    id: record.id,
    asin: record.asin,
    refTag: record.refTag,
    clickDay: record.clickDay,
    convertedAt: record.convertedAt,
    source: record.source,
    estimatedUsage: record.estimatedUsage,
    estimatedRevenue: fromMicros(record.estimatedRevenueMicros),
  };
}
