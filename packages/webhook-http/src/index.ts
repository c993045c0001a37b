import type { WebhookPoster } from "@offerkit/core";
import { addressRule, BlockedAddressError, resolveAllowed } from "./address-guard";
import { postWebhook } from "./post-webhook";
import { defaultPosterSettings, type PosterSettings } from "./settings";

export { BlockedAddressError, isNetwork, isPublicAddress } from "./address-guard";
export { LOGGED_RESPONSE_BYTES } from "./post-webhook";
export { defaultPosterSettings, type PosterSettings } from "./settings";

/**
 * Posts webhooks over node's HTTP client, guarded: only public addresses unless the operator
 * allows others, all or by range (checked after DNS, on every redirect), one deadline, a capped
 * answer. Throws on a range that is not CIDR.
 */
export function createHttpWebhookPoster(options: Partial<PosterSettings> = {}): WebhookPoster {
  const settings = { ...defaultPosterSettings, ...options };
  const allowed = addressRule(settings.allowPrivateNetworks, settings.allowedNetworks);
  return {
    async refusal(url) {
      try {
        await resolveAllowed(new URL(url).hostname, allowed);
        return null;
      } catch (error) {
        // A name that does not resolve yet is no reason to refuse: DNS may come later.
        return error instanceof BlockedAddressError ? error.message : null;
      }
    },
    post: (url, headers, body) => postWebhook(url, headers, body, settings, allowed),
  };
}
