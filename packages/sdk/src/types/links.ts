import type { BuiltLink, DeepLinkInput } from "@offerkit/core";

export interface LinksResource {
  /** A product link with the campaign's ref tag (default `vdr_rf`): straight, and through the tracking redirect. */
  build(input: DeepLinkInput): Promise<BuiltLink>;
}
