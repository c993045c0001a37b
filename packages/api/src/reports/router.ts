import { reportInputSchema } from "@offerkit/core";
import { router, scopedProcedure } from "../trpc";
import { dailyRefTagReport, weeklyRefTagReport } from "./ref-tag-reports";

/** Ref-tag reports as CSV text (`marketing:read`); also downloadable at `/reports/<file name>`. */
export const reportsRouter = router({
  daily: scopedProcedure("marketing:read")
    .input(reportInputSchema)
    .query(({ ctx, input }) => dailyRefTagReport(ctx.deps, ctx.principal.sellerId, input.date)),
  weekly: scopedProcedure("marketing:read")
    .input(reportInputSchema)
    .query(({ ctx, input }) => weeklyRefTagReport(ctx.deps, ctx.principal.sellerId, input.date)),
});
