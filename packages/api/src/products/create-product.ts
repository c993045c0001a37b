import type { createProductInputSchema} from "@offerkit/core";
import { OfferkitError, type Product } from "@offerkit/core";
import { insertProduct, isUniqueViolation } from "@offerkit/db";
import type { z } from "zod";
import type { ApiDeps } from "../deps";
import { toProductView } from "./product-view";
import { checkPublicPricing } from "./public-pricing";

export async function createProduct(
  deps: Pick<ApiDeps, "db" | "clock" | "ids">,
  sellerId: string,
  input: z.output<typeof createProductInputSchema>,
): Promise<Product> {
  const now = deps.clock.now().toISOString();
  checkPublicPricing(input.publicPricing, input.pricing);
  const product = { ...input, id: deps.ids.newId("prod"), sellerId, supportConnection: false, createdAt: now, updatedAt: now };
  try {
    await insertProduct(deps.db, product);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new OfferkitError("CONFLICT", "A product with this ASIN or marketplace product ID already exists", [
        { path: ["asin"], message: "Already registered" },
      ]);
    }
    throw error;
  }
  return toProductView(product);
}
