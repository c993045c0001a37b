import { OfferkitError, type Product, type updateProductInputSchema } from "@offerkit/core";
import { updateProductListing } from "@offerkit/db";
import type { z } from "zod";
import type { ApiDeps } from "../deps";
import { getProduct } from "./get-product";
import { checkPublicPricing } from "./public-pricing";

export async function updateProduct(
  deps: Pick<ApiDeps, "db" | "clock">,
  sellerId: string,
  { productId, patch }: z.output<typeof updateProductInputSchema>,
): Promise<Product> {
  if (patch.publicPricing !== undefined) checkPublicPricing(patch.publicPricing, (await getProduct(deps, sellerId, productId)).pricing);
  const updated = await updateProductListing(deps.db, sellerId, productId, patch, deps.clock.now().toISOString());
  if (!updated) throw new OfferkitError("NOT_FOUND", `No product ${productId}`);
  return getProduct(deps, sellerId, productId);
}
