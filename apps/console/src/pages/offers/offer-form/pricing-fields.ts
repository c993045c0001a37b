import { upfrontPriceSchema, usagePriceSchema, type OfferView, type Product } from "@offerkit/sdk";
import { amountToSend, type AmountRule } from "./amount-input";
import { quantityOf, scheduledTableOf, type FormPricing, type Payment } from "./granted-quantities";

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

/**
 * Core's rule for a price cell (`contract.seats`, `monthlyFee`): per hour and per unit of usage
 * up to 8 decimals, upfront (contract, annual, monthly) up to 3.
 */
export function priceRuleOf(key: string): AmountRule {
  const table = key.split(".")[0];
  return table === "hourly" || table === "rates" ? usagePriceSchema : upfrontPriceSchema;
}

/** The form's prices: `table.dimension` -> what was typed, `quantity.dimension` for granted quantities, plus `monthlyFee`. */
export type PriceInputs = Record<string, string>;

/**
 * The offer's pricing from what was typed, each price as understood (`$1,200` -> `1200`, see
 * `parseAmount`); empty cells are left out for the server to name.
 * Paid in installments, a contract's prices (an hourly + annual offer's annual prices) are "0"
 * and each dimension typed a quantity is granted it for the term: the schedule carries the money.
 */
export function offerPricingOf(pricing: ProductPricing, inputs: PriceInputs, payment: Payment = "atOnce"): FormPricing {
  const typed = (key: string) => {
    const cells: [string, string][] = [];
    for (const dimension of pricing.dimensions) {
      const cell = `${key}.${dimension.key}`;
      const value = inputs[cell]?.trim();
      if (value) cells.push([dimension.key, key === "quantity" ? value : amountToSend(value, priceRuleOf(cell))]);
    }
    return cells;
  };
  const table = (key: PriceTable["key"]) => Object.fromEntries(typed(key));
  const scheduled = payment === "installments" && scheduledTableOf(pricing) !== null;
  const quantities = Object.fromEntries(typed("quantity").map(([key, text]) => [key, quantityOf(text)]));
  switch (pricing.model) {
    case "free":
    case "byol":
      return { model: pricing.model };
    case "hourly":
      return { model: "hourly", hourly: table("hourly") };
    case "hourly_annual":
      if (!scheduled) return { model: "hourly_annual", hourly: table("hourly"), annual: table("annual") };
      // An instance type is on the annual term exactly when it is granted a quantity.
      return { model: "hourly_annual", hourly: table("hourly"), annual: Object.fromEntries(Object.keys(quantities).map((key) => [key, "0"])), annualQuantities: quantities };
    case "monthly":
      return { model: "monthly", monthlyFee: amountToSend(inputs.monthlyFee ?? "", priceRuleOf("monthlyFee")) };
    case "usage":
      return { model: "usage", rates: table("rates") };
    case "saas_subscription":
      return { model: "saas_subscription", rates: table("rates") };
    case "saas_contract":
      if (!scheduled) return { model: "saas_contract", contract: table("contract") };
      return { model: "saas_contract", contract: Object.fromEntries(pricing.dimensions.map((dimension) => [dimension.key, "0"])), quantities };
  }
}

/** The inverse, to edit a draft's prices and granted quantities. */
export function priceInputsOf(pricing: OfferPricing | null): PriceInputs {
  if (!pricing) return {};
  const inputs: PriceInputs = {};
  const add = (key: string, table: Record<string, string | number>) => {
    for (const [dimension, value] of Object.entries(table)) inputs[`${key}.${dimension}`] = String(value);
  };
  if ("hourly" in pricing) add("hourly", pricing.hourly);
  if ("annual" in pricing) add("annual", pricing.annual);
  if ("rates" in pricing) add("rates", pricing.rates);
  if ("contract" in pricing) add("contract", pricing.contract);
  if ("quantities" in pricing && pricing.quantities) add("quantity", pricing.quantities);
  if ("annualQuantities" in pricing && pricing.annualQuantities) add("quantity", pricing.annualQuantities);
  if ("monthlyFee" in pricing) inputs.monthlyFee = pricing.monthlyFee;
  return inputs;
}
