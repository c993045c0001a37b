/** How this server retries and keeps webhooks: the operator's settings. */
export interface WebhookSettings {
  /** The wait before the first retry; each later one doubles, up to `retryMaxMs`, with jitter. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Retries go on until an attempt fails this long after the event: then the delivery fails for good. */
  retryWindowMs: number;
  /** How long the delivery log (attempts, and events fully delivered) is kept. */
  logRetentionDays: number;
  /**
   * How long a server holds a delivery it claimed: longer than any attempt can take (the
   * poster's timeout), so only a server that stopped mid-attempt loses it to another.
   */
  leaseMs: number;
}

const HOUR = 3_600_000;

export const defaultWebhookSettings: WebhookSettings = {
  retryBaseMs: 5_000,
  retryMaxMs: 6 * HOUR,
  retryWindowMs: 72 * HOUR,
  logRetentionDays: 30,
  leaseMs: 30_000,
};
