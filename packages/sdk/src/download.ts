import { OfferkitError, toOfferkitError } from "./errors";
import { isTransientFailure, retryDelayMs, type RetryOptions } from "./retry";

type ErrorBody = { error?: { code?: string; message?: string } } | null;

/**
 * Downloads files the API serves outside tRPC (EULAs), with the same timeout and the same
 * retries as reads: a 429 or 5xx is tried again, any other refusal is raised at once.
 */
export function fileDownloader(
  baseUrl: string,
  headers: Record<string, string>,
  fetchImpl: typeof fetch,
  retry: RetryOptions,
): (path: string) => Promise<Uint8Array> {
  return async (path) => {
    for (let attempt = 0; ; attempt += 1) {
      let failure: unknown;
      try {
        const response = await fetchImpl(`${baseUrl}${path}`, { headers });
        if (response.ok) return new Uint8Array(await response.arrayBuffer());
        const body = (await response.json().catch(() => null)) as ErrorBody;
        failure = new OfferkitError(
          (body?.error?.code ?? (response.status >= 500 ? "INTERNAL" : "BAD_RESPONSE")) as OfferkitError["code"],
          body?.error?.message ?? `The server answered HTTP ${response.status}`,
          { status: response.status },
        );
        if (response.status !== 429 && response.status < 500) throw failure;
      } catch (error) {
        if (error instanceof OfferkitError && error === failure && error.status !== null && error.status < 500 && error.status !== 429) throw error;
        failure = error;
      }
      if (attempt >= retry.retries || !(failure instanceof OfferkitError || isTransientFailure(failure))) throw toOfferkitError(failure);
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt + 1, failure, retry)));
    }
  };
}
