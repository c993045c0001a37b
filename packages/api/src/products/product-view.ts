import type { Product } from "@offerkit/core";
import type { ProductRecord } from "@offerkit/db";

/** The product as the API shows it: the tenant column stays inside. */
export function toProductView({ sellerId: _sellerId, ...product }: ProductRecord): Product {
  return product;
}
