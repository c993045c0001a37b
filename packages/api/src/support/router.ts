import { eligibilityInputSchema } from "@offerkit/core";
import { z } from "zod";
import { router, scopedProcedure } from "../trpc";
import { listSupportLookups } from "./list-support-lookups";
import { lookupEligibility } from "./lookup-eligibility";

/** Customer support: eligibility lookups (`support:read`) and their audit log (`admin`). */
export const supportRouter = router({
  lookup: scopedProcedure("support:read")
    .input(eligibilityInputSchema)
    .query(({ ctx, input }) => lookupEligibility(ctx.deps, ctx.principal, "account" in input ? input.account : { customerIdentifier: input.customerIdentifier })),
  auditLog: scopedProcedure("admin")
    .input(z.strictObject({ limit: z.number().int().min(1).max(1000).default(100) }).default({ limit: 100 }))
    .query(({ ctx, input }) => listSupportLookups(ctx.deps, ctx.principal.sellerId, input.limit)),
});
