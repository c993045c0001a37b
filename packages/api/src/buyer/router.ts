import { acceptOfferInputSchema, bannerInputSchema, offerIdInputSchema, pageInputSchema } from "@offerkit/core";
import { buyerContactsRouter } from "../contacts/router";
import { buyerSubscriptionsRouter } from "../subscriptions/router";
import { buyerProcedure, router } from "../trpc";
import { acceptOffer } from "./accept-offer";
import { getBuyerOffer } from "./get-buyer-offer";
import { listBuyerOffers } from "./list-buyer-offers";
import { getOfferBanner } from "./offer-banner";

/** What a buyer token may do, always for its own account only. */
export const buyerRouter = router({
  offers: router({
    list: buyerProcedure
      .input(pageInputSchema)
      .query(({ ctx, input }) => listBuyerOffers(ctx.deps, ctx.principal, input)),
    get: buyerProcedure.input(offerIdInputSchema).query(({ ctx, input }) => getBuyerOffer(ctx.deps, ctx.principal, input.offerId)),
    accept: buyerProcedure.input(acceptOfferInputSchema).mutation(({ ctx, input }) => acceptOffer(ctx.deps, ctx.principal, input, ctx.visitorId)),
  }),
  subscriptions: buyerSubscriptionsRouter,
  contacts: buyerContactsRouter,
  banner: buyerProcedure.input(bannerInputSchema).query(({ ctx, input }) => getOfferBanner(ctx.deps, ctx.principal, input.asin)),
});
