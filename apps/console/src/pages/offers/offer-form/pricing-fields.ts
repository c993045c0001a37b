import type { OfferView, Product } from "@offerkit/sdk";

export type ProductPricing = Product["pricing"];
export type OfferPricing = NonNullable<OfferView["pricing"]>;

/** One price table of a pricing model, priced per dimension of the product. */
export interface PriceTable {
  key: "hourly" | "annual" | "rates" | "contract";
  label: string;
  /** Every dimension must have a price (annual prices may cover only some instance types). */
  everyDimension: boolean;
}

/** The tables a product's model asks prices for, exactly as the server checks them. */
export function priceTablesOf(pricing: ProductPricing): PriceTable[] {
  switch (pricing.model) {
    case "hourly":
      return [{ key: "hourly", label: "USD per instance-hour", everyDimension: true }];
    case "hourly_annual":
      return [
        { key: "hourly", label: "USD per instance-hour", everyDimension: true },
        { key: "annual", label: "USD for 12 months prepaid (optional per instance type)", everyDimension: false },
      ];
    case "usage":
    case "saas_subscription":
      return [{ key: "rates", label: "USD per unit", everyDimension: true }];
    case "saas_contract":
      return [{ key: "contract", label: "USD per unit for the whole term", everyDimension: true }];
    default:
      return [];
  }
}

/** The form's prices: `table.dimension` -> what was typed, plus `monthlyFee`. */
export type PriceInputs = Record<string, string>;

/** The offer's pricing from what was typed; empty cells are left out for the server to name. */
export function offerPricingOf(pricing: ProductPricing, inputs: PriceInputs): OfferPricing {
  const table = (key: PriceTable["key"]) => {
    const prices: Record<string, string> = {};
    for (const dimension of pricing.dimensions) {
      const value = inputs[`${key}.${dimension.key}`]?.trim();
      if (value) prices[dimension.key] = value;
    }
    return prices;
  };
  switch (pricing.model) {
    case "free":
    case "byol":
      return { model: pricing.model };
    case "hourly":
      return { model: "hourly", hourly: table("hourly") };
    case "hourly_annual":
      return { model: "hourly_annual", hourly: table("hourly"), annual: table("annual") };
    case "monthly":
      return { model: "monthly", monthlyFee: inputs.monthlyFee?.trim() ?? "" };
    case "usage":
      return { model: "usage", rates: table("rates") };
    case "saas_subscription":
      return { model: "saas_subscription", rates: table("rates") };
    case "saas_contract":
      return { model: "saas_contract", contract: table("contract") };
  }
}

/** The inverse, to edit a draft's prices. */
export function priceInputsOf(pricing: OfferPricing | null): PriceInputs {
  if (!pricing) return {};
  const inputs: PriceInputs = {};
  const add = (key: string, table: Record<string, string>) => {
    for (const [dimension, value] of Object.entries(table)) inputs[`${key}.${dimension}`] = value;
  };
  if ("hourly" in pricing) add("hourly", pricing.hourly);
  if ("annual" in pricing) add("annual", pricing.annual);
  if ("rates" in pricing) add("rates", pricing.rates);
  if ("contract" in pricing) add("contract", pricing.contract);
  if ("monthlyFee" in pricing) inputs.monthlyFee = pricing.monthlyFee;
  return inputs;
}
