import { OfferkitError, type NodeOfferkitClient, type Product } from "@offerkit/sdk";

const asinPattern = /^[A-Z0-9]{10}$/;

/**
 * A product by Offerkit ID or ASIN. The API takes only IDs, but reps know their products by
 * ASIN, so an ASIN is looked up among the seller's products.
 */
export async function resolveProduct(client: NodeOfferkitClient, ref: string): Promise<Product> {
  if (!asinPattern.test(ref)) return client.products.get({ productId: ref });
  for await (const product of client.products.listAll({ limit: 100 })) {
    if (product.asin === ref) return product;
  }
  throw new OfferkitError("NOT_FOUND", `No product with ASIN ${ref}`, { status: 404 });
}

/** Every product of the seller by ID, to show ASINs next to offers. */
export async function productsById(client: NodeOfferkitClient): Promise<Map<string, Product>> {
  const products = new Map<string, Product>();
  for await (const product of client.products.listAll({ limit: 100 })) products.set(product.id, product);
  return products;
}

/**
 * The product for showing next to an offer that was already created or sent: failing to fetch
 * it must not report the whole command as failed, so the ID alone is shown then.
 */
export async function productForDisplay(client: NodeOfferkitClient, productId: string): Promise<Product | undefined> {
  try {
    return await client.products.get({ productId });
  } catch (error) {
    if (error instanceof OfferkitError) return undefined;
    throw error;
  }
}
