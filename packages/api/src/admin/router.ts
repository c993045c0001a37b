import { accountIdSchema, scopeSchema, type WhoAmI } from "@offerkit/core";
import { z } from "zod";
import { issueApiKey, issueBuyerToken } from "../auth/issue-api-key";
import { router, scopedProcedure, sellerProcedure } from "../trpc";
import { listKeys, revokeKey } from "./manage-keys";
import { getSettings, setDataSharing } from "./settings";

const keyNameSchema = z.string().trim().min(1).max(100).describe("A name that says what the key is for");

/** Tenant administration. Everything needs `admin`, except `whoami`, which any seller key may call. */
export const adminRouter = router({
  whoami: sellerProcedure.query(({ ctx }): WhoAmI => ({
    sellerId: ctx.principal.sellerId,
    keyId: ctx.principal.keyId,
    scopes: ctx.principal.scopes,
  })),
  apiKeys: router({
    create: scopedProcedure("admin")
      .input(z.strictObject({ name: keyNameSchema, scopes: z.array(scopeSchema).min(1).max(10) }))
      .mutation(({ ctx, input }) => issueApiKey(ctx.deps, ctx.principal.sellerId, input)),
    list: scopedProcedure("admin").query(({ ctx }) => listKeys(ctx.deps, ctx.principal.sellerId)),
    revoke: scopedProcedure("admin")
      .input(z.strictObject({ keyId: z.string().min(1).max(64) }))
      .mutation(({ ctx, input }) => revokeKey(ctx.deps, ctx.principal.sellerId, input.keyId)),
  }),
  buyerTokens: router({
    /** Stands in for the marketplace's buyer sign-in on a local setup: a token bound to one account. */
    issue: scopedProcedure("admin")
      .input(z.strictObject({ account: accountIdSchema, name: keyNameSchema.default("buyer") }))
      .mutation(({ ctx, input }) => issueBuyerToken(ctx.deps, ctx.principal.sellerId, input)),
  }),
  settings: router({
    get: scopedProcedure("admin").query(({ ctx }) => getSettings(ctx.deps, ctx.principal.sellerId)),
    setDataSharing: scopedProcedure("admin")
      .input(z.strictObject({ enrolled: z.boolean() }))
      .mutation(({ ctx, input }) => setDataSharing(ctx.deps, ctx.principal.sellerId, input.enrolled)),
  }),
});
