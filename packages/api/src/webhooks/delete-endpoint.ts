import { OfferkitError } from "@offerkit/core";
import { deleteWebhookEndpoint } from "@offerkit/db";
import type { ApiDeps } from "../deps";

/** Deletes an endpoint; its pending deliveries and its log go with it. */
export async function deleteEndpoint(deps: Pick<ApiDeps, "db">, sellerId: string, endpointId: string): Promise<{ deleted: true }> {
  if (!(await deleteWebhookEndpoint(deps.db, sellerId, endpointId))) throw new OfferkitError("NOT_FOUND", `No webhook endpoint ${endpointId}`);
  return { deleted: true };
}
