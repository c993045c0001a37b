import { createOfferkitClient, type NodeOfferkitClient } from "@offerkit/sdk";
import { resolveConfig } from "./config";
import type { Io } from "./command";

/** The SDK client for the server and key given by flags or the environment. */
export function connect(values: { url?: string | undefined; "api-key"?: string | undefined }, io: Io): NodeOfferkitClient {
  const config = resolveConfig({ url: values.url, apiKey: values["api-key"] }, io.env);
  return createOfferkitClient({ baseUrl: config.url, apiKey: config.apiKey });
}
