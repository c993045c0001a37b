import type { DailyStat, marketingStatsInputSchema } from "@offerkit/core";
import { dailyStats } from "@offerkit/db";
import type { z } from "zod";
import type { ApiDeps } from "../deps";

/** Clicks and conversions per UTC day, tag and product, for dashboards. */
export async function getMarketingStats(
  deps: Pick<ApiDeps, "db">,
  sellerId: string,
  input: z.output<typeof marketingStatsInputSchema>,
): Promise<DailyStat[]> {
  return dailyStats(deps.db, sellerId, input);
}
