import type { Page, Product } from "@offerkit/core";
import { listProducts as listProductRows, toPage } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { decodeCursorOrThrow } from "../pagination";
import { toProductView } from "./product-view";

export async function listProducts(
  deps: Pick<ApiDeps, "db">,
  sellerId: string,
  input: { cursor?: string | undefined; limit: number },
): Promise<Page<Product>> {
  const rows = await listProductRows(deps.db, sellerId, { after: decodeCursorOrThrow(input.cursor), limit: input.limit });
  const page = toPage(rows, input.limit);
  return { items: page.items.map(toProductView), nextCursor: page.nextCursor };
}
