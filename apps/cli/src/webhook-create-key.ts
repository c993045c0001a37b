import { createHash } from "node:crypto";
import type { CreateWebhookEndpointInput } from "@offerkit/sdk";
import { canonicalJson } from "./create-key";

/**
 * The idempotency key of `webhooks create` when `--new` is not given: a hash of the endpoint the
 * command would create, so running it twice answers with the first endpoint and another URL,
 * type list, description or contact setting makes another key.
 */
export function derivedWebhookKey(input: Omit<CreateWebhookEndpointInput, "idempotencyKey">): string {
  const request = { ...input, eventTypes: [...new Set(input.eventTypes)].sort() };
  return `cli-webhook-${createHash("sha256").update(canonicalJson(request)).digest("hex")}`;
}
