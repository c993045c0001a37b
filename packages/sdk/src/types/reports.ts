import type { ReportResult } from "@offerkit/core";

export interface ReportDateInput {
  /** The report's date, `YYYY-MM-DD` (UTC). */
  date: string;
}

export interface ReportsResource {
  /** `reftag_daily_breakdown_report_<date>.csv` as text; `available: false` when the day had no activity. */
  daily(input: ReportDateInput): Promise<ReportResult>;
  /**
   * `weekly_reftag_report_<date>.csv` as text, per online-ad or partner tag and product:
   * `Period Start,Period End,Ref Tag,ASIN,Clicks,Conversions`; `available: false` when the week had no activity.
   */
  weekly(input: ReportDateInput): Promise<ReportResult>;
}
