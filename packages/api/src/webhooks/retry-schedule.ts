import type { WebhookSettings } from "./settings";

/**
 * The wait before attempt `attempt + 1` after `attempt` failed: doubling from the base up to the
 * most, each spread by ±25% so endpoints that failed together are not all retried together. A
 * Retry-After the receiver sent is honoured when longer, up to the most.
 */
export function retryDelayMs(settings: WebhookSettings, attempt: number, random: () => number, retryAfterMs: number | null): number {
  const exponential = Math.min(settings.retryBaseMs * 2 ** Math.max(0, attempt - 1), settings.retryMaxMs);
  const jittered = exponential * (0.75 + random() * 0.5);
  return Math.round(Math.max(jittered, Math.min(retryAfterMs ?? 0, settings.retryMaxMs)));
}
