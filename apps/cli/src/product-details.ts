import type { Product } from "@offerkit/sdk";
import { pricingLines } from "./offer-details";

type Pair = [string, string];

function pricingModel(product: Product): string {
  const { pricing } = product;
  const category = "category" in pricing ? `, per ${pricing.category}` : "";
  const trial = "freeTrialDays" in pricing && pricing.freeTrialDays !== undefined ? `, ${pricing.freeTrialDays}-day free trial` : "";
  return `${pricing.model}${category}${trial}`;
}

/** Every field of a product for a person to read: identity, listing, how it is priced. */
export function productDetails(product: Product): Pair[] {
  return [
    ["ID", product.id],
    ["ASIN", product.asin],
    ["Title", product.title],
    ["Description", product.description],
    ["Model", pricingModel(product)],
    ["Dimensions", product.pricing.dimensions.map((dimension) => (dimension.name === dimension.key ? dimension.key : `${dimension.key} (${dimension.name})`)).join(", ")],
    ...(product.publicPricing === undefined ? [["Public prices", ""] satisfies Pair] : pricingLines(product.publicPricing, "Public prices")),
    ["Marketplace ID", product.marketplaceProductId],
    ["Product code", product.productCode],
    ["Catalog ID", product.catalogProductId ?? ""],
    ["Highlights", product.highlights.join("; ")],
    ["Keywords", product.keywords.join(", ")],
    ["Categories", product.categories.join(", ")],
    ["Support connection", product.supportConnection ? "enrolled" : "not enrolled"],
    ["Created", product.createdAt],
    ["Updated", product.updatedAt],
  ];
}
