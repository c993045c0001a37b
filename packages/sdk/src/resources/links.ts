import { call, type ClientContext } from "../context";
import type { LinksResource } from "../types/links";

/** Product links with a ref tag, built by the server. */
export function linksResource({ trpc }: ClientContext): LinksResource {
  return {
    build: (input) => call(() => trpc.marketing.buildLink.query(input)),
  };
}
