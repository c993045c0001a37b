import { z } from "zod";
import { asinSchema, catalogProductIdSchema, marketplaceProductIdSchema, productCodeSchema, productRefSchema } from "./ids";
import { offerPricingSchema, productPricingSchema } from "./pricing";

const shortList = (what: string, item: z.ZodString) =>
  z.array(item).max(3, `At most 3 ${what}`).default([]);

/** The listing fields of a product, with the marketplace's listing rules. */
export const productListingSchema = z.strictObject({
  title: z.string().trim().min(1, "A title is required").max(255).describe("The product's title"),
  description: z.string().trim().min(1, "A description is required").max(5000),
  highlights: shortList("highlights", z.string().trim().min(1).max(250)).describe("Up to 3 highlights"),
  keywords: shortList(
    "keywords",
    z.string().trim().min(1).max(50, "A keyword has at most 50 characters"),
  ).describe("Up to 3 search keywords of at most 50 characters"),
  categories: shortList("categories", z.string().trim().min(1).max(100)).describe("Up to 3 categories"),
});

export const createProductInputSchema = productListingSchema.extend({
  asin: asinSchema,
  marketplaceProductId: marketplaceProductIdSchema,
  productCode: productCodeSchema,
  catalogProductId: catalogProductIdSchema.optional(),
  pricing: productPricingSchema,
  publicPricing: offerPricingSchema
    .optional()
    .describe("The public offer's prices, for the product's own dimensions; buyers subscribe at these"),
});
export type CreateProductInput = z.input<typeof createProductInputSchema>;

/**
 * What may change on a product. The pricing model is fixed once offers may point at it,
 * so it is left out: a different model is a different product.
 */
export const updateProductInputSchema = z.strictObject({
  productId: productRefSchema,
  patch: productListingSchema.partial().extend({
    publicPricing: offerPricingSchema.optional(),
    catalogProductId: catalogProductIdSchema.optional(),
  }),
});
export type UpdateProductInput = z.input<typeof updateProductInputSchema>;

export const productSchema = createProductInputSchema.extend({
  id: productRefSchema,
  /** Enrolled in Product Support Connection: buyers may share support contacts. */
  supportConnection: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Product = z.infer<typeof productSchema>;
