import type { Product } from "@offerkit/sdk";
import type { Session } from "./session";

/** Every product of the seller, page after page: the offer form and the link builder pick from them. */
export async function allProducts(session: Session): Promise<Product[]> {
  const products: Product[] = [];
  for await (const product of session.client.products.listAll({ limit: 100 })) products.push(product);
  return products;
}
