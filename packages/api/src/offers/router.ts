import {
  createOfferInputSchema,
  listOffersInputSchema,
  offerIdInputSchema,
  sendOfferInputSchema,
  updateOfferInputSchema,
} from "@offerkit/core";
import { router, scopedProcedure } from "../trpc";
import { copyOfferAsDraft } from "./copy-offer";
import { createOffer } from "./create-offer";
import { deleteOffer } from "./delete-offer";
import { getOffer } from "./get-offer";
import { listOffers } from "./list-offers";
import { republishOffer } from "./republish-offer";
import { sendOffer } from "./send-offer";
import { updateOffer } from "./update-offer";

/** Private offers. Reading needs `offers:read`; drafting, sending, republishing and copying `offers:write`. */
export const offersRouter = router({
  create: scopedProcedure("offers:write")
    .input(createOfferInputSchema)
    .mutation(({ ctx, input }) => createOffer(ctx.deps, ctx.principal.sellerId, input)),
  update: scopedProcedure("offers:write")
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
  get: scopedProcedure("offers:read")
    .input(offerIdInputSchema)
    .query(({ ctx, input }) => getOffer(ctx.deps, ctx.principal.sellerId, input.offerId)),
  list: scopedProcedure("offers:read")
    .input(listOffersInputSchema.default({ limit: 25 }))
    .query(({ ctx, input }) => listOffers(ctx.deps, ctx.principal.sellerId, input)),
});
