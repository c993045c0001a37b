import { subscribeInputSchema, subscriptionIdInputSchema } from "@offerkit/core";
import { buyerProcedure, router } from "../trpc";
import { cancelBuyerSubscription, listBuyerSubscriptions } from "./buyer-subscriptions";
import { subscribe } from "./subscribe";

/** A buyer's subscriptions with this seller: subscribe at public pricing, list, cancel. */
export const buyerSubscriptionsRouter = router({
  subscribe: buyerProcedure.input(subscribeInputSchema).mutation(({ ctx, input }) => subscribe(ctx.deps, ctx.principal, input, ctx.visitorId)),
  list: buyerProcedure.query(({ ctx }) => listBuyerSubscriptions(ctx.deps, ctx.principal)),
  cancel: buyerProcedure.input(subscriptionIdInputSchema).mutation(({ ctx, input }) => cancelBuyerSubscription(ctx.deps, ctx.principal, input.subscriptionId)),
});
