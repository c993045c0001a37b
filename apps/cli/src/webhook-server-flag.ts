import type { Io } from "./command";
import { UsageError } from "./errors";

/**
 * `webhooks create` and `webhooks update` take `--url` for the endpoint's URL, as the API names
 * it, so the server is given there by `--server` (or OFFERKIT_URL) instead.
 */
export const serverOption = { server: { type: "string" } } as const;

export const serverFlagHelp = `  --server <url>        The Offerkit server (or OFFERKIT_URL): in this command --url is
                        the endpoint's URL`;

/** The connection flags with `--server` in the place of `--url`; a missing server is named by the flag this command takes. */
export function serverFlags(values: { server?: string | undefined; "api-key"?: string | undefined }, io: Io, command: string): { url?: string; "api-key"?: string } {
  if (!values.server && !io.env["OFFERKIT_URL"]) throw new UsageError("set OFFERKIT_URL (or pass --server) to the server, e.g. http://127.0.0.1:3000", command);
  return { ...(values.server !== undefined && { url: values.server }), ...(values["api-key"] !== undefined && { "api-key": values["api-key"] }) };
}
