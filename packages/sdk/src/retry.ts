import { TRPCClientError } from "@trpc/client";
import { responseOf } from "./errors";

export interface RetryOptions {
  /** Retries after the first attempt; 0 turns retrying off. */
  retries: number;
  /** The first backoff; it doubles each attempt, with jitter. */
  baseDelayMs: number;
  /** No wait is longer than this, whatever Retry-After asks. */
  maxDelayMs: number;
}

export const defaultRetryOptions: RetryOptions = { retries: 2, baseDelayMs: 250, maxDelayMs: 30_000 };

const retryableStatuses = new Set([429, 500, 502, 503, 504]);

/**
 * Whether a failure may be tried again: no answer, a timeout, a throttle (429), a server error
 * (5xx) or an unreadable answer. Whether the call itself is safe to repeat is the caller's
 * part: reads are, and writes that carry an idempotency key.
 */
export function isTransientFailure(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return error instanceof Error;
  const status = (error.data as { httpStatus?: number } | null | undefined)?.httpStatus ?? responseOf(error)?.status;
  if (status === undefined) return true;
  return retryableStatuses.has(status) || (status === 200 && error.data == null);
}

/** Seconds or an HTTP date, as `Retry-After` allows; null when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Exponential backoff with jitter (50-100% of the step), or the server's Retry-After. */
export function retryDelayMs(attempt: number, error: unknown, options: RetryOptions, random = Math.random): number {
  const asked = retryAfterMs(responseOf(error)?.headers.get("retry-after"));
  const backoff = options.baseDelayMs * 2 ** (attempt - 1) * (0.5 + random() / 2);
  return Math.min(options.maxDelayMs, asked ?? backoff);
}
