/** What one delivery attempt met. */
export interface WebhookPostOutcome {
  /** The final answer's HTTP status; null when none came. */
  status: number | null;
  /** Why no good answer came: refused address, timeout, connection error, redirect not followed. */
  error: string | null;
  /** The first bytes of the answer, as text. */
  response: string;
  durationMs: number;
  /** The wait a 429 or 503 asked for (Retry-After), in milliseconds. */
  retryAfterMs: number | null;
}

/**
 * Where signed webhook bodies leave for the seller's endpoints: the port the HTTP adapter
 * implements (`@offerkit/webhook-http`), with the operator's rules on which addresses it reaches.
 */
export interface WebhookPoster {
  /** Why deliveries to this URL would be refused (its host is a private address, ...), or null. */
  refusal(url: string): Promise<string | null>;
  /** POSTs one signed body; never throws for what the endpoint or the network did. */
  post(url: string, headers: Readonly<Record<string, string>>, body: string): Promise<WebhookPostOutcome>;
}
