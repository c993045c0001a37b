import { OfferkitError, hasScope, type Scope } from "@offerkit/core";
import type { WebhookPoster } from "@offerkit/core";
import { findWebhookEndpoint, type Database, type Kysely, type WebhookEndpointRecord } from "@offerkit/db";

/**
 * Refuses, when it is saved, a URL deliveries would refuse: one whose host is or resolves to a
 * private or reserved address while the operator allows none. A name that does not resolve yet
 * is taken (DNS may come later); its deliveries fail, logged, until it does.
 */
export async function checkEndpointUrl(url: string, poster: WebhookPoster): Promise<void> {
  const refusal = await poster.refusal(url);
  if (refusal === null) return;
  throw new OfferkitError("VALIDATION_FAILED", `Webhook URL refused: ${refusal}`, [
    { path: ["url"], message: "This URL reaches a private, loopback or reserved address this server does not deliver to" },
  ]);
}

/** Contact details go only to https, and only where the key may read contacts itself. */
export function checkContactDetails(includeContactDetails: boolean, url: string, scopes: readonly Scope[]): void {
  if (!includeContactDetails) return;
  if (!url.startsWith("https:")) {
    throw new OfferkitError("VALIDATION_FAILED", "Support contacts' details are sent only to an https URL", [
      { path: ["includeContactDetails"], message: "Only an https endpoint may receive contacts' details" },
    ]);
  }
  if (!hasScope(scopes, "contacts:read")) {
    throw new OfferkitError("FORBIDDEN", "Sending contacts' details to an endpoint needs the contacts:read scope as well");
  }
}

export async function loadWebhookEndpoint(db: Kysely<Database>, sellerId: string, endpointId: string): Promise<WebhookEndpointRecord> {
  const endpoint = await findWebhookEndpoint(db, sellerId, endpointId);
  if (!endpoint) throw new OfferkitError("NOT_FOUND", `No webhook endpoint ${endpointId}`);
  return endpoint;
}
