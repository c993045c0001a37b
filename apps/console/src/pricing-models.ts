import type { PricingModel } from "@offerkit/sdk";

/** Each pricing model as a rep reads it, in the order the product form offers them. */
export const PRICING_MODEL_NAMES: Record<PricingModel, string> = {
  saas_contract: "SaaS contract",
  saas_subscription: "SaaS subscription",
  usage: "Usage",
  hourly: "Hourly",
  hourly_annual: "Hourly with annual subscriptions",
  monthly: "Monthly",
  free: "Free",
  byol: "Bring your own license",
};

/** The models in that order, typed: a `for` over them needs no cast. */
export const PRICING_MODELS = Object.keys(PRICING_MODEL_NAMES).filter((key): key is PricingModel => key in PRICING_MODEL_NAMES);
