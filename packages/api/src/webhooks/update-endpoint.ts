import type { updateWebhookEndpointInputSchema, WebhookEndpointView } from "@offerkit/core";
import { updateWebhookEndpoint as writeEndpoint } from "@offerkit/db";
import type { z } from "zod";
import type { SellerPrincipal } from "../auth/principal";
import type { ApiDeps } from "../deps";
import { checkContactDetails, checkEndpointUrl, loadWebhookEndpoint } from "./endpoint-rules";
import { toWebhookEndpointView } from "./endpoint-view";

/**
 * Changes an endpoint. Enabling one again clears the reason it was disabled, and its pending
 * deliveries go on from where they were.
 */
export async function updateWebhookEndpoint(
  deps: ApiDeps,
  principal: SellerPrincipal,
  { endpointId, ...change }: z.output<typeof updateWebhookEndpointInputSchema>,
): Promise<WebhookEndpointView> {
  const current = await loadWebhookEndpoint(deps.db, principal.sellerId, endpointId);
  // Only a change of where contacts' details go asks for contacts:read: switching off or renaming
  // an endpoint that sends them must never be out of reach of a key that may manage webhooks.
  if (change.url !== undefined || change.includeContactDetails !== undefined) {
    checkContactDetails(change.includeContactDetails ?? current.includeContactDetails, change.url ?? current.url, principal.scopes);
  }
  if (change.url !== undefined) await checkEndpointUrl(change.url, deps.webhookPoster);
  const now = deps.clock.now();
  await writeEndpoint(deps.db, principal.sellerId, endpointId, { ...change, at: now.toISOString() });
  return toWebhookEndpointView(await loadWebhookEndpoint(deps.db, principal.sellerId, endpointId), now);
}
