import { OfferkitError, type OfferPricing } from "@offerkit/core";

function refused(message: string): OfferkitError {
  return new OfferkitError("VALIDATION_FAILED", message, [{ path: ["annualInstanceType"], message }]);
}

/**
 * The prices a public purchase records. Hourly + annual annual subscriptions are bought for one
 * instance type, as on the marketplace: the subscription keeps every hourly price and the annual
 * price of that type only, so its annual subscriptions cover that type's instances and no other.
 * The type may be left out when the product sells annual subscriptions of one type only.
 */
export function purchasedPricing(pricing: OfferPricing, instanceType: string | undefined): OfferPricing {
  if (pricing.model !== "hourly_annual") {
    if (instanceType !== undefined) throw refused("Only hourly + annual products sell annual subscriptions for an instance type");
    return pricing;
  }
  const types = Object.keys(pricing.annual);
  const chosen = instanceType ?? (types.length === 1 ? types[0] : undefined);
  if (chosen === undefined) throw refused(`Name the instance type the annual subscriptions are for: one of ${types.join(", ")}`);
  const price = pricing.annual[chosen];
  if (price === undefined) throw refused(`${chosen} has no annual price; annual subscriptions are sold for ${types.join(", ")}`);
  return { ...pricing, annual: { [chosen]: price } };
}
