import type { AppRouter } from "@offerkit/api";
import type { TRPCClient } from "@trpc/client";
import { toOfferkitError } from "./errors";
import type { Page } from "@offerkit/core";

/** What every domain's resource is built from: one tRPC client and one file downloader, shared. */
export interface ClientContext {
  trpc: TRPCClient<AppRouter>;
  /** A plain HTTP GET of a file under the server's base URL, retried like a read. */
  download(path: string): Promise<Uint8Array>;
}

/** Marks a mutation safe to retry: it carries an idempotency key, so the server runs it once. */
export const idempotent = { context: { idempotent: true } };

/** The caller's idempotency key, or a fresh one, kept the same across the SDK's retries. */
export function withIdempotencyKey<T extends { idempotencyKey?: string | undefined }>(input: T): T & { idempotencyKey: string } {
  return { ...input, idempotencyKey: input.idempotencyKey ?? globalThis.crypto.randomUUID() };
}

/** Runs one call, turning whatever it throws into an OfferkitError. */
export async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toOfferkitError(error);
  }
}

/** Every item of every page, fetching the next page only when the caller gets that far. */
export async function* pages<T>(list: (cursor: string | undefined) => Promise<Page<T>>): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
