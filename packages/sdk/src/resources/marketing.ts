import { call, idempotent, type ClientContext } from "../context";
import type { MarketingResource } from "../types/marketing";

/** Click and conversion numbers, and conversions recorded by the seller. */
export function marketingResource({ trpc }: ClientContext): MarketingResource {
  return {
    stats: (input) => call(() => trpc.marketing.stats.query(input)),
    summary: (input) => call(() => trpc.marketing.summary.query(input)),
    recordConversion: (input) => call(() => trpc.marketing.recordConversion.mutate(input, idempotent)),
  };
}
