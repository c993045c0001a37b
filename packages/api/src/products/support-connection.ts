import { OfferkitError, type Product } from "@offerkit/core";
import { setSupportConnection } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { getProduct } from "./get-product";

/** Enrolls a product in Product Support Connection, so its buyers may share support contacts. */
export async function setProductSupportConnection(
  deps: Pick<ApiDeps, "db" | "clock">,
  sellerId: string,
  { productId, enrolled }: { productId: string; enrolled: boolean },
): Promise<Product> {
  if (!(await setSupportConnection(deps.db, sellerId, productId, enrolled, deps.clock.now().toISOString()))) {
    throw new OfferkitError("NOT_FOUND", `No product ${productId}`);
  }
  return getProduct(deps, sellerId, productId);
}
