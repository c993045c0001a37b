import { reportUsageInputSchema } from "@offerkit/core";
import { router, scopedProcedure } from "../trpc";
import { reportUsage } from "./report-usage";

/** Metering: the seller's product reports customers' usage (`usage:write`). */
export const usageRouter = router({
  report: scopedProcedure("usage:write")
    .input(reportUsageInputSchema)
    .mutation(({ ctx, input }) => reportUsage(ctx.deps, ctx.principal.sellerId, input)),
});
