/** The operator's rules for outgoing webhooks. */
export interface PosterSettings {
  /**
   * Reach private, loopback, link-local and other non-public addresses too. Off by default: a
   * seller's URL must not reach into the operator's own network.
   */
  allowPrivateNetworks: boolean;
  /** Non-public ranges reached all the same (CIDR, e.g. `10.20.0.0/16`): a trusted subnet, not the whole private space. */
  allowedNetworks: readonly string[];
  /** How long one attempt may take, connection, redirects and answer together. */
  timeoutMs: number;
  /** How many redirects an attempt follows, each checked like the URL itself; 0 follows none. */
  maxRedirects: number;
  /** The most of an answer read; the rest is not waited for. */
  responseLimitBytes: number;
  /** Milliseconds since the epoch: the clock of durations and Retry-After dates. */
  now: () => number;
}

export const defaultPosterSettings: PosterSettings = {
  allowPrivateNetworks: false,
  allowedNetworks: [],
  timeoutMs: 10_000,
  maxRedirects: 0,
  responseLimitBytes: 64 * 1024,
  now: Date.now,
};
