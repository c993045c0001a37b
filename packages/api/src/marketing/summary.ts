import { previousPeriodOf, summarizeMarketing, type MarketingSummary, type marketingStatsInputSchema } from "@offerkit/core";
import { tagProductTotals } from "@offerkit/db";
import type { z } from "zod";
import type { ApiDeps } from "../deps";

/**
 * Per tag and product over a range of UTC days: clicks, conversions, conversion rate and
 * estimated revenue, with totals and the change against the same number of days before.
 */
export async function getMarketingSummary(
  deps: Pick<ApiDeps, "db">,
  sellerId: string,
  input: z.output<typeof marketingStatsInputSchema>,
): Promise<MarketingSummary> {
  const period = { from: input.from, to: input.to };
  const previous = previousPeriodOf(period);
  const filter = { refTag: input.refTag, asin: input.asin };
  const [now, before] = await Promise.all([
    tagProductTotals(deps.db, sellerId, { ...period, ...filter }),
    tagProductTotals(deps.db, sellerId, { ...previous, ...filter }),
  ]);
  return summarizeMarketing(period, now, before);
}
