import { offerPricingSchema, productPricingSchema, type Product } from "@offerkit/core";
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import { olderThan, type PageCursor } from "../pagination";
import type { Database, ProductsTable } from "../schema";

export type ProductRecord = Product & { sellerId: string };

const stringList = z.array(z.string());

function toRecord(row: Selectable<ProductsTable>): ProductRecord {
  return {
    id: row.id,
    sellerId: row.seller_id,
    asin: row.asin,
    marketplaceProductId: row.marketplace_product_id,
    productCode: row.product_code,
    ...(row.catalog_product_id === null ? {} : { catalogProductId: row.catalog_product_id }),
    title: row.title,
    description: row.description,
    highlights: stringList.parse(JSON.parse(row.highlights)),
    keywords: stringList.parse(JSON.parse(row.keywords)),
    categories: stringList.parse(JSON.parse(row.categories)),
    pricing: productPricingSchema.parse(JSON.parse(row.pricing)),
    ...(row.public_pricing === null ? {} : { publicPricing: offerPricingSchema.parse(JSON.parse(row.public_pricing)) }),
    supportConnection: Number(row.support_connection) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertProduct(db: Kysely<Database>, product: ProductRecord): Promise<void> {
  await db
    .insertInto("products")
    .values({
      id: product.id,
      seller_id: product.sellerId,
      asin: product.asin,
      marketplace_product_id: product.marketplaceProductId,
      product_code: product.productCode,
      catalog_product_id: product.catalogProductId ?? null,
      title: product.title,
      description: product.description,
      highlights: JSON.stringify(product.highlights),
      keywords: JSON.stringify(product.keywords),
      categories: JSON.stringify(product.categories),
      pricing_model: product.pricing.model,
      pricing: JSON.stringify(product.pricing),
      public_pricing: product.publicPricing === undefined ? null : JSON.stringify(product.publicPricing),
      support_connection: product.supportConnection ? 1 : 0,
      created_at: product.createdAt,
      updated_at: product.updatedAt,
    })
    .execute();
}

/** A product of this seller; another seller's product is simply not found. */
export async function findProduct(db: Kysely<Database>, sellerId: string, id: string): Promise<ProductRecord | null> {
  const row = await db
    .selectFrom("products")
    .selectAll()
    .where("id", "=", id)
    .where("seller_id", "=", sellerId)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function findProductByAsin(db: Kysely<Database>, sellerId: string, asin: string): Promise<ProductRecord | null> {
  const row = await db
    .selectFrom("products")
    .selectAll()
    .where("asin", "=", asin)
    .where("seller_id", "=", sellerId)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function listProducts(
  db: Kysely<Database>,
  sellerId: string,
  { after, limit }: { after: PageCursor | null; limit: number },
): Promise<ProductRecord[]> {
  let query = db.selectFrom("products").selectAll().where("seller_id", "=", sellerId);
  if (after) {
    query = query.where(olderThan(after));
  }
  const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(limit + 1).execute();
  return rows.map(toRecord);
}

export type ProductListingPatch = Partial<Pick<Product, "title" | "description" | "highlights" | "keywords" | "categories" | "publicPricing" | "catalogProductId">>;

/** Changes listing fields; false when the seller has no such product. */
export async function updateProductListing(
  db: Kysely<Database>,
  sellerId: string,
  id: string,
  patch: ProductListingPatch,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable("products")
    .set({
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.highlights !== undefined ? { highlights: JSON.stringify(patch.highlights) } : {}),
      ...(patch.keywords !== undefined ? { keywords: JSON.stringify(patch.keywords) } : {}),
      ...(patch.categories !== undefined ? { categories: JSON.stringify(patch.categories) } : {}),
      ...(patch.publicPricing !== undefined ? { public_pricing: JSON.stringify(patch.publicPricing) } : {}),
      ...(patch.catalogProductId !== undefined ? { catalog_product_id: patch.catalogProductId } : {}),
      updated_at: at,
    })
    .where("id", "=", id)
    .where("seller_id", "=", sellerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The product with this ASIN, whichever seller owns it: the tracking redirect's lookup. */
export async function findProductOwnerByAsin(db: Kysely<Database>, asin: string): Promise<{ sellerId: string; productId: string } | null> {
  const row = await db.selectFrom("products").select(["seller_id", "id"]).where("asin", "=", asin).executeTakeFirst();
  return row ? { sellerId: row.seller_id, productId: row.id } : null;
}

/** Enrolls or withdraws a product from Product Support Connection; false when the seller has no such product. */
export async function setSupportConnection(db: Kysely<Database>, sellerId: string, id: string, enrolled: boolean, at: string): Promise<boolean> {
  const result = await db
    .updateTable("products")
    .set({ support_connection: enrolled ? 1 : 0, updated_at: at })
    .where("id", "=", id)
    .where("seller_id", "=", sellerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
