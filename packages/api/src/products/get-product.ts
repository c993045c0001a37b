import { OfferkitError, type Product } from "@offerkit/core";
import { findProduct } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { toProductView } from "./product-view";

export async function getProduct(deps: Pick<ApiDeps, "db">, sellerId: string, productId: string): Promise<Product> {
  const product = await findProduct(deps.db, sellerId, productId);
  if (!product) throw new OfferkitError("NOT_FOUND", `No product ${productId}`);
  return toProductView(product);
}
