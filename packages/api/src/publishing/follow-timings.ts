/** How often and how long the follower looks at a publication. */
export interface FollowTimings {
  /** Between two looks at a change set being processed (the marketplace takes minutes). */
  changeSetPollMs: number;
  /** Between two looks at a published offer's agreements while buyers can still accept it. */
  agreementPollMs: number;
  /**
   * Between two looks at a published offer's agreements once nobody can accept it any more,
   * while one of them still runs: only to see it cancelled or ended, which is not urgent.
   */
  agreementStatusPollMs: number;
  /** The first wait after a retryable error; it doubles with each error in a row. */
  retryBaseMs: number;
  /** The longest wait after a retryable error. */
  retryMaxMs: number;
  /** Retryable errors in a row after which a publication still being published is reported failed. */
  maxFailuresInARow: number;
  /** How long after the acceptance deadline new agreements are still looked for (the marketplace reports late). */
  agreementGraceMs: number;
}

export const defaultFollowTimings: FollowTimings = {
  changeSetPollMs: 60_000,
  agreementPollMs: 5 * 60_000,
  agreementStatusPollMs: 6 * 60 * 60_000,
  retryBaseMs: 30_000,
  retryMaxMs: 30 * 60_000,
  maxFailuresInARow: 8,
  agreementGraceMs: 24 * 60 * 60_000,
};
