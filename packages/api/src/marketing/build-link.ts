import { OfferkitError, buildDeepLink, type BuiltLink, type DeepLinkInput } from "@offerkit/core";
import { findProductByAsin } from "@offerkit/db";
import type { ApiDeps } from "../deps";

/** Links to one of the seller's products; built only from a valid ASIN and tag. */
export async function buildLink(deps: Pick<ApiDeps, "db" | "config">, sellerId: string, input: DeepLinkInput): Promise<BuiltLink> {
  const marketplaceUrl = buildDeepLink(deps.config.marketplaceUrl, input);
  if (!(await findProductByAsin(deps.db, sellerId, input.asin))) {
    throw new OfferkitError("NOT_FOUND", `No product with ASIN ${input.asin}`, [{ path: ["asin"], message: "Unknown product" }]);
  }
  return { marketplaceUrl, trackingUrl: buildDeepLink(deps.config.publicUrl, input) };
}
