import { UsageError } from "./errors";

export interface Config {
  url: string;
  apiKey: string;
}

export interface ConfigFlags {
  url?: string | undefined;
  apiKey?: string | undefined;
}

/** Flags win over the environment, so one command can target another server without re-exporting. */
export function resolveConfig(flags: ConfigFlags, env: Record<string, string | undefined>): Config {
  const url = flags.url || env["OFFERKIT_URL"] || "";
  const apiKey = flags.apiKey || env["OFFERKIT_API_KEY"] || "";
  if (!url && !apiKey) {
    throw new UsageError("set OFFERKIT_URL and OFFERKIT_API_KEY (or pass --url and --api-key)", null);
  }
  if (!url) throw new UsageError("set OFFERKIT_URL (or pass --url) to the server, e.g. http://127.0.0.1:3000", null);
  if (!apiKey) throw new UsageError("set OFFERKIT_API_KEY (or pass --api-key) to a seller API key", null);
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw new UsageError(`OFFERKIT_URL is not an http(s) URL: ${url}`, null);
  }
  return { url, apiKey };
}
