import type { ReportUsageInput, UsageResult } from "@offerkit/core";

export interface UsageResource {
  /** Up to 25 metering records; each (customer, dimension, hour) counts once, so a retry is safe. */
  report(input: ReportUsageInput): Promise<UsageResult[]>;
}
