import type { DailyStat, MarketingStatsInput, MarketingSummary, RecordConversionInput, RecordedConversion } from "@offerkit/core";

export interface MarketingResource {
  /** Clicks and conversions per UTC day, ref tag and product. */
  stats(input: MarketingStatsInput): Promise<DailyStat[]>;
  /**
   * Per ref tag and product over the range: clicks, conversions, conversion rate and estimated
   * revenue, with totals and the change against the same number of days before.
   */
  summary(input: MarketingStatsInput): Promise<MarketingSummary>;
  /** A sale from your own fulfilment flow, credited to the visitor's latest click. Safe to retry: `externalId` makes it happen once. */
  recordConversion(input: RecordConversionInput): Promise<RecordedConversion>;
}
