import { deepLinkInputSchema, marketingStatsInputSchema, recordConversionInputSchema } from "@offerkit/core";
import { router, scopedProcedure } from "../trpc";
import { buildLink } from "./build-link";
import { recordConversion } from "./record-conversion";
import { getMarketingStats } from "./stats";
import { getMarketingSummary } from "./summary";

/**
 * Deep links (`marketing:read`), campaign numbers per day and as a summary per tag and product
 * (`marketing:read`), conversions (`marketing:write`).
 */
export const marketingRouter = router({
  buildLink: scopedProcedure("marketing:read")
    .input(deepLinkInputSchema)
    .query(({ ctx, input }) => buildLink(ctx.deps, ctx.principal.sellerId, input)),
  stats: scopedProcedure("marketing:read")
    .input(marketingStatsInputSchema)
    .query(({ ctx, input }) => getMarketingStats(ctx.deps, ctx.principal.sellerId, input)),
  summary: scopedProcedure("marketing:read")
    .input(marketingStatsInputSchema)
    .query(({ ctx, input }) => getMarketingSummary(ctx.deps, ctx.principal.sellerId, input)),
  recordConversion: scopedProcedure("marketing:write")
    .input(recordConversionInputSchema)
    .mutation(({ ctx, input }) => recordConversion(ctx.deps, ctx.principal.sellerId, input)),
});
