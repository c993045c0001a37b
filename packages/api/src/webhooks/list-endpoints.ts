import type { WebhookEndpointView } from "@offerkit/core";
import { listWebhookEndpoints } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { loadWebhookEndpoint } from "./endpoint-rules";
import { toWebhookEndpointView } from "./endpoint-view";

export async function listEndpoints(deps: Pick<ApiDeps, "db" | "clock">, sellerId: string): Promise<WebhookEndpointView[]> {
  const now = deps.clock.now();
  return (await listWebhookEndpoints(deps.db, sellerId)).map((endpoint) => toWebhookEndpointView(endpoint, now));
}

export async function getEndpoint(deps: Pick<ApiDeps, "db" | "clock">, sellerId: string, endpointId: string): Promise<WebhookEndpointView> {
  return toWebhookEndpointView(await loadWebhookEndpoint(deps.db, sellerId, endpointId), deps.clock.now());
}
