import type { AppRouter } from "@offerkit/api";
import { createTRPCClient } from "@trpc/client";
import { OfferkitError, toOfferkitError } from "./errors";
import { defaultRetryOptions, isTransientFailure, retryDelayMs, type RetryOptions } from "./retry";
import { fetchWithTimeout, httpLinks, retryLink } from "./transport";
import type { EulaSource, OfferkitClient, OfferkitClientOptions, Page, UploadOptions } from "./types";

const idempotent = { context: { idempotent: true } };

function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/** Calls `call`, turning whatever it throws into an OfferkitError. */
async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toOfferkitError(error);
  }
}

async function* pages<T>(list: (cursor: string | undefined) => Promise<Page<T>>): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

function fileNameOf(file: EulaSource, options: UploadOptions | undefined): string {
  if (options?.fileName) return options.fileName;
  if (typeof File !== "undefined" && file instanceof File && file.name) return file.name;
  return "eula.pdf";
}

/**
 * Creates a client for one Offerkit server and one credential.
 *
 * ```ts
 * const client = createOfferkitClient({ baseUrl: "http://localhost:3000", apiKey: process.env.OFFERKIT_API_KEY! });
 * const offer = await client.offers.create({ productId, buyerAccounts: ["012345678901"] });
 * ```
 */
export function createOfferkitClient(options: OfferkitClientOptions): OfferkitClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const retry: RetryOptions = {
    ...defaultRetryOptions,
    retries: options.retries ?? defaultRetryOptions.retries,
    baseDelayMs: options.retryBaseDelayMs ?? defaultRetryOptions.baseDelayMs,
  };
  const fetchImpl = fetchWithTimeout(options.fetch ?? globalThis.fetch.bind(globalThis), options.timeoutMs ?? 30_000);
  const headers = { authorization: `Bearer ${options.apiKey}` };
  const trpc = createTRPCClient<AppRouter>({
    links: [retryLink(retry), httpLinks(`${baseUrl}/trpc`, headers, fetchImpl)],
  });

  /** Plain HTTP GET of a file, with the same timeout and the same retries as reads. */
  async function download(path: string): Promise<Uint8Array> {
    for (let attempt = 0; ; attempt += 1) {
      let failure: unknown;
      try {
        const response = await fetchImpl(`${baseUrl}${path}`, { headers });
        if (response.ok) return new Uint8Array(await response.arrayBuffer());
        const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
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
  }

  const client: OfferkitClient = {
    products: {
      list: (input) => call(() => trpc.products.list.query(input)),
      listAll: (input = {}) => pages((cursor) => client.products.list({ ...input, cursor })),
      get: (input) => call(() => trpc.products.get.query(input)),
      create: (input) => call(() => trpc.products.create.mutate(input)),
      update: (input) => call(() => trpc.products.update.mutate(input)),
      setSupportConnection: (input) => call(() => trpc.products.setSupportConnection.mutate(input)),
    },
    offers: {
      create: (input) => call(() => trpc.offers.create.mutate({ ...input, idempotencyKey: input.idempotencyKey ?? newIdempotencyKey() }, idempotent)),
      update: (input) => call(() => trpc.offers.update.mutate(input)),
      delete: (input) => call(() => trpc.offers.delete.mutate(input)),
      get: (input) => call(() => trpc.offers.get.query(input)),
      list: (input) => call(() => trpc.offers.list.query(input)),
      listAll: (input = {}) => pages((cursor) => client.offers.list({ ...input, cursor })),
      send: (input) => call(() => trpc.offers.send.mutate({ ...input, idempotencyKey: input.idempotencyKey ?? newIdempotencyKey() }, idempotent)),
      republish: (input) => call(() => trpc.offers.republish.mutate(input)),
      copyAsDraft: (input) => call(() => trpc.offers.copyAsDraft.mutate(input)),
    },
    eula: {
      upload: (file, uploadOptions) => {
        const form = new FormData();
        form.append("file", file instanceof Blob ? file : new Blob([new Uint8Array(file)], { type: "application/pdf" }), fileNameOf(file, uploadOptions));
        if (uploadOptions?.fileName) form.append("fileName", uploadOptions.fileName);
        return call(() => trpc.eula.upload.mutate(form));
      },
      get: (input) => call(() => trpc.eula.get.query(input)),
      download: (input) => download(`/eula/${encodeURIComponent(input.sha256)}`),
    },
    buyer: {
      offers: {
        list: (input) => call(() => trpc.buyer.offers.list.query(input)),
        listAll: (input = {}) => pages((cursor) => client.buyer.offers.list({ ...input, cursor })),
        get: (input) => call(() => trpc.buyer.offers.get.query(input)),
        accept: (input) =>
          call(() => trpc.buyer.offers.accept.mutate({ ...input, idempotencyKey: input.idempotencyKey ?? newIdempotencyKey() }, idempotent)),
        downloadEula: (input) => download(`/buyer/offers/${encodeURIComponent(input.offerId)}/eula`),
      },
      subscriptions: {
        subscribe: (input) =>
          call(() => trpc.buyer.subscriptions.subscribe.mutate({ ...input, idempotencyKey: input.idempotencyKey ?? newIdempotencyKey() }, idempotent)),
        list: () => call(() => trpc.buyer.subscriptions.list.query()),
        cancel: (input) => call(() => trpc.buyer.subscriptions.cancel.mutate(input)),
      },
      contacts: {
        share: (input) => call(() => trpc.buyer.contacts.share.mutate(input)),
        update: (input) => call(() => trpc.buyer.contacts.update.mutate(input)),
        delete: (input) => call(() => trpc.buyer.contacts.delete.mutate(input)),
        list: () => call(() => trpc.buyer.contacts.list.query()),
      },
      banner: (input) => call(() => trpc.buyer.banner.query(input)),
    },
    admin: {
      whoami: () => call(() => trpc.admin.whoami.query()),
      apiKeys: {
        create: (input) => call(() => trpc.admin.apiKeys.create.mutate(input)),
        list: () => call(() => trpc.admin.apiKeys.list.query()),
        revoke: (input) => call(() => trpc.admin.apiKeys.revoke.mutate(input)),
      },
      buyerTokens: { issue: (input) => call(() => trpc.admin.buyerTokens.issue.mutate(input)) },
      settings: {
        get: () => call(() => trpc.admin.settings.get.query()),
        setDataSharing: (input) => call(() => trpc.admin.settings.setDataSharing.mutate(input)),
      },
    },
    links: {
      build: (input) => call(() => trpc.marketing.buildLink.query(input)),
    },
    marketing: {
      stats: (input) => call(() => trpc.marketing.stats.query(input)),
      recordConversion: (input) => call(() => trpc.marketing.recordConversion.mutate(input, idempotent)),
    },
    reports: {
      daily: (input) => call(() => trpc.reports.daily.query(input)),
      weekly: (input) => call(() => trpc.reports.weekly.query(input)),
    },
    usage: {
      report: (input) => call(() => trpc.usage.report.mutate(input, idempotent)),
    },
    support: {
      lookup: (input) => call(() => trpc.support.lookup.query(input)),
      auditLog: (input) => call(() => trpc.support.auditLog.query(input)),
    },
    contacts: {
      changes: (input) => call(() => trpc.contacts.changes.query(input)),
      exportCsv: (input) => call(() => trpc.contacts.exportCsv.query(input)),
    },
  };
  return client;
}
