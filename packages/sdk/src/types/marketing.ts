import type { DailyStat, MarketingStatsInput, RecordConversionInput, RecordedConversion } from "@offerkit/core";

export interface MarketingResource {
  /** Clicks and conversions per UTC day, ref tag and product. */
  stats(input: MarketingStatsInput): Promise<DailyStat[]>;
  /** A sale from your own fulfilment flow, credited to the visitor's latest click. Safe to retry: `externalId` makes it happen once. */
  recordConversion(input: RecordConversionInput): Promise<RecordedConversion>;
}
