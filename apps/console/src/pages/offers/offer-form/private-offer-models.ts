import type { Product } from "@offerkit/sdk";

type PricingModel = Product["pricing"]["model"];

/**
 * The models AWS Marketplace takes no private offer for, in the words of core's
 * `privateOfferModelProblem` (the API refuses such an offer with the same sentence at
 * `productId`). The console reaches the server through the SDK only, which does not export
 * the rule, so the sentences are copied here word for word.
 */
const refusedModels: Partial<Record<PricingModel, string>> = {
  byol: "AWS Marketplace takes no private offers for BYOL products",
  monthly: "AWS Marketplace takes no private offers for monthly billing products",
  free: "A free product has no price to negotiate: AWS Marketplace takes no private offers for it",
};

/** Why a product of this model cannot have a private offer, or null when it can. */
export function privateOfferModelProblem(model: PricingModel): string | null {
  return refusedModels[model] ?? null;
}
