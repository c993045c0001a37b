import type { AppRouter } from "@offerkit/api";
import { createTRPCClient } from "@trpc/client";
import type { ClientContext } from "./context";
import { fileDownloader } from "./download";
import { adminResource } from "./resources/admin";
import { buyerResource } from "./resources/buyer";
import { contactsResource } from "./resources/contacts";
import { eulaResource } from "./resources/eula";
import { linksResource } from "./resources/links";
import { marketingResource } from "./resources/marketing";
import { offersResource } from "./resources/offers";
import { productsResource } from "./resources/products";
import { reportsResource } from "./resources/reports";
import { supportResource } from "./resources/support";
import { usageResource } from "./resources/usage";
import { webhooksResource } from "./resources/webhooks";
import { defaultRetryOptions, type RetryOptions } from "./retry";
import { fetchWithTimeout, httpLinks, retryLink } from "./transport";
import type { OfferkitClient, OfferkitClientOptions } from "./types";

/**
 * Creates a client for one Offerkit server and one credential.
 *
 * ```ts
 * const client = createOfferkitClient({ baseUrl: "http://localhost:3000", apiKey: process.env.OFFERKIT_API_KEY ?? "" });
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
  const context: ClientContext = {
    trpc: createTRPCClient<AppRouter>({ links: [retryLink(retry), httpLinks(`${baseUrl}/trpc`, headers, fetchImpl)] }),
    download: fileDownloader(baseUrl, headers, fetchImpl, retry),
  };
  return {
    products: productsResource(context),
    offers: offersResource(context),
    eula: eulaResource(context),
    buyer: buyerResource(context),
    admin: adminResource(context),
    links: linksResource(context),
    marketing: marketingResource(context),
    reports: reportsResource(context),
    usage: usageResource(context),
    support: supportResource(context),
    contacts: contactsResource(context),
    webhooks: webhooksResource(context),
  };
}
