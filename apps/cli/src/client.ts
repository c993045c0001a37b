import { createOfferkitClient, type NodeOfferkitClient } from "@offerkit/sdk";
import { resolveConfig } from "./config";
import type { Io } from "./command";

type ConnectFlags = { url?: string | undefined; "api-key"?: string | undefined };

/** The SDK client for the server and key given by flags or the environment. */
export function connect(values: ConnectFlags, io: Io): NodeOfferkitClient {
  const config = resolveConfig({ url: values.url, apiKey: values["api-key"] }, io.env);
  return createOfferkitClient({ baseUrl: config.url, apiKey: config.apiKey });
}

/** A client that also remembers the server's clock, as the HTTP `Date` header of its last answer said it. */
export interface TimedClient {
  client: NodeOfferkitClient;
  /** The server's time at its last answer, to the second; null before any answer. */
  serverTime(): Date | null;
}

/**
 * `connect`, remembering the server's `Date` header. The server stamps what it creates with the
 * same clock, so a command can tell an offer made now from one made by an earlier run without
 * trusting this machine's clock.
 */
export function connectTimed(values: ConnectFlags, io: Io): TimedClient {
  const config = resolveConfig({ url: values.url, apiKey: values["api-key"] }, io.env);
  let last: Date | null = null;
  const timedFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const date = new Date(response.headers.get("date") ?? "");
    if (!Number.isNaN(date.getTime())) last = date;
    return response;
  };
  return {
    client: createOfferkitClient({ baseUrl: config.url, apiKey: config.apiKey, fetch: timedFetch }),
    serverTime: () => last,
  };
}
