import type { RotatedWebhookSecret, rotateWebhookSecretInputSchema } from "@offerkit/core";
import { updateWebhookEndpoint } from "@offerkit/db";
import type { z } from "zod";
import type { ApiDeps } from "../deps";
import { loadWebhookEndpoint } from "./endpoint-rules";
import { newWebhookSecret } from "./signature";

/**
 * Gives an endpoint a new secret, shown this once. The old one keeps signing beside it for the
 * overlap, so receivers can take the new one in without a missed event; 0 ends it at once.
 */
export async function rotateWebhookSecret(
  deps: Pick<ApiDeps, "db" | "clock" | "webhookSecrets">,
  sellerId: string,
  { endpointId, overlapHours }: z.output<typeof rotateWebhookSecretInputSchema>,
): Promise<RotatedWebhookSecret> {
  const current = await loadWebhookEndpoint(deps.db, sellerId, endpointId);
  const now = deps.clock.now();
  const expiresAt = overlapHours > 0 ? new Date(now.getTime() + overlapHours * 3_600_000).toISOString() : null;
  const secret = newWebhookSecret();
  await updateWebhookEndpoint(deps.db, sellerId, endpointId, {
    secret: deps.webhookSecrets.seal(endpointId, secret),
    // Kept sealed as it was: it is opened only to sign.
    previousSecret: expiresAt === null ? null : current.secret,
    previousSecretExpiresAt: expiresAt,
    at: now.toISOString(),
  });
  return { secret, previousSecretExpiresAt: expiresAt };
}
