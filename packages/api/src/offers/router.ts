import {
  createOfferInputSchema,
  inviteBuyerInputSchema,
  listOffersInputSchema,
  offerIdInputSchema,
  sendOfferInputSchema,
  updateOfferInputSchema,
} from "@offerkit/core";
import { TRPCError } from "@trpc/server";
import { ZodError, ZodRealError } from "zod";
import { router, scopedProcedure } from "../trpc";
import { inviteBuyer } from "./invite-buyer";
import { copyOfferAsDraft } from "./copy-offer";
import { createOffer } from "./create-offer";
import { deleteOffer } from "./delete-offer";
import { getOffer } from "./get-offer";
import { listOffers } from "./list-offers";
import { republishOffer } from "./republish-offer";
import { sendOffer } from "./send-offer";
import { updateOffer } from "./update-offer";

/**
 * An update's fields sit under `patch`, where zod names them `patch.buyerAccounts.0`; create and
 * send name the same field `buyerAccounts.0`, and so does this, so a client puts a message next
 * to the same field whichever call refused it.
 */
function withTermsPaths(cause: ZodError): TRPCError {
  const issues = cause.issues.map((issue) => (issue.path[0] === "patch" ? { ...issue, path: issue.path.slice(1) } : issue));
  // ZodRealError, unlike `new ZodError`, is an Error, which tRPC keeps as the cause.
  return new TRPCError({ code: "BAD_REQUEST", message: cause.message, cause: new ZodRealError(issues) });
}

/** Private offers. Reading needs `offers:read`; drafting, sending, republishing, copying and inviting buyers `offers:write`. */
export const offersRouter = router({
  create: scopedProcedure("offers:write")
    .input(createOfferInputSchema)
    .mutation(({ ctx, input }) => createOffer(ctx.deps, ctx.principal.sellerId, input)),
  update: scopedProcedure("offers:write")
    .use(async ({ next }) => {
      const result = await next();
      if (!result.ok && result.error.cause instanceof ZodError) throw withTermsPaths(result.error.cause);
      return result;
    })
    .input(updateOfferInputSchema)
    .mutation(({ ctx, input }) => updateOffer(ctx.deps, ctx.principal.sellerId, input)),
  delete: scopedProcedure("offers:write")
    .input(offerIdInputSchema)
    .mutation(({ ctx, input }) => deleteOffer(ctx.deps, ctx.principal.sellerId, input.offerId)),
  send: scopedProcedure("offers:write")
    .input(sendOfferInputSchema)
    .mutation(({ ctx, input }) => sendOffer(ctx.deps, ctx.principal.sellerId, input)),
  republish: scopedProcedure("offers:write")
    .input(offerIdInputSchema)
    .mutation(({ ctx, input }) => republishOffer(ctx.deps, ctx.principal.sellerId, input.offerId)),
  copyAsDraft: scopedProcedure("offers:write")
    .input(offerIdInputSchema)
    .mutation(({ ctx, input }) => copyOfferAsDraft(ctx.deps, ctx.principal.sellerId, input.offerId)),
  inviteBuyer: scopedProcedure("offers:write")
    .input(inviteBuyerInputSchema)
    .mutation(({ ctx, input }) => inviteBuyer(ctx.deps, ctx.principal.sellerId, input)),
  get: scopedProcedure("offers:read")
    .input(offerIdInputSchema)
    .query(({ ctx, input }) => getOffer(ctx.deps, ctx.principal.sellerId, input.offerId)),
  list: scopedProcedure("offers:read")
    .input(listOffersInputSchema.default({ limit: 25 }))
    .query(({ ctx, input }) => listOffers(ctx.deps, ctx.principal.sellerId, input)),
});
