import {
  createWebhookEndpointInputSchema,
  listWebhookDeliveriesInputSchema,
  replayWebhookInputSchema,
  rotateWebhookSecretInputSchema,
  updateWebhookEndpointInputSchema,
  webhookEndpointIdInputSchema,
} from "@offerkit/core";
import { router, scopedProcedure } from "../trpc";
import { createWebhookEndpoint } from "./create-endpoint";
import { deleteEndpoint } from "./delete-endpoint";
import { getEndpoint, listEndpoints } from "./list-endpoints";
import { listDeliveries } from "./list-deliveries";
import { replayEvents } from "./replay-events";
import { rotateWebhookSecret } from "./rotate-secret";
import { sendTestEvent } from "./send-test-event";
import { updateWebhookEndpoint } from "./update-endpoint";

/** A seller's webhook endpoints (`webhooks:read` to look, `webhooks:write` to change or send). */
export const webhooksRouter = router({
  list: scopedProcedure("webhooks:read").query(({ ctx }) => listEndpoints(ctx.deps, ctx.principal.sellerId)),
  get: scopedProcedure("webhooks:read")
    .input(webhookEndpointIdInputSchema)
    .query(({ ctx, input }) => getEndpoint(ctx.deps, ctx.principal.sellerId, input.endpointId)),
  create: scopedProcedure("webhooks:write")
    .input(createWebhookEndpointInputSchema)
    .mutation(({ ctx, input }) => createWebhookEndpoint(ctx.deps, ctx.principal, input)),
  update: scopedProcedure("webhooks:write")
    .input(updateWebhookEndpointInputSchema)
    .mutation(({ ctx, input }) => updateWebhookEndpoint(ctx.deps, ctx.principal, input)),
  delete: scopedProcedure("webhooks:write")
    .input(webhookEndpointIdInputSchema)
    .mutation(({ ctx, input }) => deleteEndpoint(ctx.deps, ctx.principal.sellerId, input.endpointId)),
  rotateSecret: scopedProcedure("webhooks:write")
    .input(rotateWebhookSecretInputSchema)
    .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.deps, ctx.principal.sellerId, input)),
  sendTest: scopedProcedure("webhooks:write")
    .input(webhookEndpointIdInputSchema)
    .mutation(({ ctx, input }) => sendTestEvent(ctx.deps, ctx.principal.sellerId, input.endpointId)),
  deliveries: scopedProcedure("webhooks:read")
    .input(listWebhookDeliveriesInputSchema)
    .query(({ ctx, input }) => listDeliveries(ctx.deps, ctx.principal.sellerId, input)),
  replay: scopedProcedure("webhooks:write")
    .input(replayWebhookInputSchema)
    .mutation(({ ctx, input }) => replayEvents(ctx.deps, ctx.principal.sellerId, input)),
});
