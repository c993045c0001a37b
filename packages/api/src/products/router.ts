import { createProductInputSchema, pageInputSchema, productRefSchema, updateProductInputSchema } from "@offerkit/core";
import { z } from "zod";
import { router, scopedProcedure } from "../trpc";
import { createProduct } from "./create-product";
import { getProduct } from "./get-product";
import { listProducts } from "./list-products";
import { setProductSupportConnection } from "./support-connection";
import { updateProduct } from "./update-product";

/** A seller's products. Reading needs `products:read` (or `offers:read`, to pick a product for an offer); creating and editing `products:write`. */
export const productsRouter = router({
  create: scopedProcedure("products:write")
    .input(createProductInputSchema)
    .mutation(({ ctx, input }) => createProduct(ctx.deps, ctx.principal.sellerId, input)),
  update: scopedProcedure("products:write")
    .input(updateProductInputSchema)
    .mutation(({ ctx, input }) => updateProduct(ctx.deps, ctx.principal.sellerId, input)),
  setSupportConnection: scopedProcedure("admin")
    .input(z.strictObject({ productId: productRefSchema, enrolled: z.boolean() }))
    .mutation(({ ctx, input }) => setProductSupportConnection(ctx.deps, ctx.principal.sellerId, input)),
  get: scopedProcedure("products:read", "offers:read")
    .input(z.strictObject({ productId: productRefSchema }))
    .query(({ ctx, input }) => getProduct(ctx.deps, ctx.principal.sellerId, input.productId)),
  list: scopedProcedure("products:read", "offers:read")
    .input(pageInputSchema)
    .query(({ ctx, input }) => listProducts(ctx.deps, ctx.principal.sellerId, input)),
});
