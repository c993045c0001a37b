import { OfferkitError, type CreatedWebhookEndpoint, type createWebhookEndpointInputSchema } from "@offerkit/core";
import { findWebhookEndpoint, insertWebhookEndpoint } from "@offerkit/db";
import type { z } from "zod";
import type { SellerPrincipal } from "../auth/principal";
import type { ApiDeps } from "../deps";
import { withIdempotency } from "../idempotency";
import { checkContactDetails, checkEndpointUrl } from "./endpoint-rules";
import { toWebhookEndpointView } from "./endpoint-view";
import { newWebhookSecret } from "./signature";

/**
 * A new endpoint and its secret, shown in this answer. Its idempotency record keeps the endpoint
 * only, never the secret: a retry with the same idempotency key is answered with the endpoint's
 * secret as it stands, opened from the endpoint. Retries are matched per API key, not per seller,
 * so another key that learns or guesses the idempotency key (the CLI derives its own from the
 * request) makes an endpoint of its own and never reads this one's secret.
 */
export async function createWebhookEndpoint(
  deps: ApiDeps,
  principal: SellerPrincipal,
  { idempotencyKey, ...input }: z.output<typeof createWebhookEndpointInputSchema>,
): Promise<CreatedWebhookEndpoint> {
  const scope = { principalId: `${principal.sellerId}/${principal.keyId}`, operation: "webhooks.create", key: idempotencyKey, request: input };
  const { endpoint } = await withIdempotency<Pick<CreatedWebhookEndpoint, "endpoint">>(deps, scope, async (remember) => {
    checkContactDetails(input.includeContactDetails, input.url, principal.scopes);
    await checkEndpointUrl(input.url, deps.webhookPoster);
    const now = deps.clock.now();
    const id = deps.ids.newId("whep");
    const record = {
      id,
      sellerId: principal.sellerId,
      url: input.url,
      description: input.description,
      eventTypes: input.eventTypes,
      includeContactDetails: input.includeContactDetails,
      secret: deps.webhookSecrets.seal(id, newWebhookSecret()),
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
      const created = { endpoint: toWebhookEndpointView(record, now) };
      await remember(trx, created);
      return created;
    });
  });
  const stored = await findWebhookEndpoint(deps.db, principal.sellerId, endpoint.id);
  if (!stored) throw new OfferkitError("NOT_FOUND", `Webhook endpoint ${endpoint.id}, made with this idempotency key, has been deleted since`);
  return { endpoint, secret: deps.webhookSecrets.open(stored.id, stored.secret) };
}
