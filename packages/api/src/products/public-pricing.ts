import { OfferkitError, checkPricingCoversProduct, type OfferPricing, type ProductPricing } from "@offerkit/core";

/** The public offer's prices must cover exactly the product's dimensions, like any offer's. */
export function checkPublicPricing(publicPricing: OfferPricing | undefined, pricing: ProductPricing): void {
  if (publicPricing === undefined) return;
  const issues = checkPricingCoversProduct(publicPricing, pricing).map((issue) => ({ ...issue, path: ["publicPricing", ...issue.path.slice(1)] }));
  if (issues.length > 0) throw new OfferkitError("VALIDATION_FAILED", issues[0]?.message, issues);
}
