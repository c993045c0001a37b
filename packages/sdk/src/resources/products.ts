import { call, pages, type ClientContext } from "../context";
import type { ProductsResource } from "../types/products";

/** The products of the seller: reading, listing and editing. */
export function productsResource({ trpc }: ClientContext): ProductsResource {
  const resource: ProductsResource = {
    list: (input) => call(() => trpc.products.list.query(input)),
    listAll: (input = {}) => pages((cursor) => resource.list({ ...input, cursor })),
    get: (input) => call(() => trpc.products.get.query(input)),
    create: (input) => call(() => trpc.products.create.mutate(input)),
    update: (input) => call(() => trpc.products.update.mutate(input)),
    setSupportConnection: (input) => call(() => trpc.products.setSupportConnection.mutate(input)),
  };
  return resource;
}
