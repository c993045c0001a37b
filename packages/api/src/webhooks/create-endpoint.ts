import type { CreatedWebhookEndpoint, createWebhookEndpointInputSchema } from "@offerkit/core";
import { insertWebhookEndpoint } from "@offerkit/db";
import type { z } from "zod";
import type { SellerPrincipal } from "../auth/principal";
import type { ApiDeps } from "../deps";
import { withIdempotency } from "../idempotency";
import { checkContactDetails, checkEndpointUrl } from "./endpoint-rules";
import { toWebhookEndpointView } from "./endpoint-view";
import { newWebhookSecret } from "./signature";

export async function createWebhookEndpoint(
  deps: ApiDeps,
  principal: SellerPrincipal,
  { idempotencyKey, ...input }: z.output<typeof createWebhookEndpointInputSchema>,
): Promise<CreatedWebhookEndpoint> {
  const scope = { principalId: principal.sellerId, operation: "webhooks.create", key: idempotencyKey, request: input };
  return withIdempotency(deps, scope, async (remember) => {
    checkContactDetails(input.includeContactDetails, input.url, principal.scopes);
    await checkEndpointUrl(input.url, deps.webhookPoster);
    const now = deps.clock.now();
    const record = {
      id: deps.ids.newId("whep"),
      sellerId: principal.sellerId,
      url: input.url,
      description: input.description,
      eventTypes: input.eventTypes,
      includeContactDetails: input.includeContactDetails,
      secret: newWebhookSecret(),
      previousSecret: null,
      previousSecretExpiresAt: null,
      enabled: true,
      disabledReason: null,
      disabledAt: null,
      failingSince: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    return deps.db.transaction().execute(async (trx) => {
      await insertWebhookEndpoint(trx, record);
      const created = { endpoint: toWebhookEndpointView(record, now), secret: record.secret };
      await remember(trx, created);
      return created;
    });
  });
}
