import { httpBatchLink, httpLink, isNonJsonSerializable, splitLink, type TRPCLink } from "@trpc/client";
import type { AppRouter } from "@offerkit/api";
import { observable } from "@trpc/server/observable";
import { isTransientFailure, retryDelayMs, type RetryOptions } from "./retry";

/** Aborts a request that has not answered in `timeoutMs`, and honours the caller's own signal. */
export function fetchWithTimeout(baseFetch: typeof fetch, timeoutMs: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return baseFetch(input, { ...init, signal });
  };
}

/**
 * Retries an operation that is safe to repeat: every query, and a mutation marked
 * `idempotent` in its context (it carries an idempotency key, so the server runs it once).
 */
export function retryLink(options: RetryOptions): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        let attempt = 0;
        let timer: ReturnType<typeof setTimeout> | undefined;
        let subscription: { unsubscribe(): void } | undefined;
        const safeToRepeat = op.type === "query" || op.context.idempotent === true;
        const run = () => {
          subscription = next(op).subscribe({
            next: (value) => observer.next(value),
            error: (error) => {
              if (safeToRepeat && attempt < options.retries && isTransientFailure(error)) {
                attempt += 1;
                timer = setTimeout(run, retryDelayMs(attempt, error, options));
                return;
              }
              observer.error(error);
            },
            complete: () => observer.complete(),
          });
        };
        run();
        return () => {
          clearTimeout(timer);
          subscription?.unsubscribe();
        };
      });
}

/** JSON calls are batched; uploads (FormData) go alone, as multipart. */
export function httpLinks(url: string, headers: Record<string, string>, fetchImpl: typeof fetch): TRPCLink<AppRouter> {
  return splitLink({
    condition: (op) => isNonJsonSerializable(op.input),
    true: httpLink({ url, headers, fetch: fetchImpl }),
    false: httpBatchLink({ url, headers, fetch: fetchImpl, maxURLLength: 4000 }),
  });
}
