import type { OfferView, Product } from "@offerkit/sdk";

type ProductPricing = Product["pricing"];
type OfferPricing = NonNullable<OfferView["pricing"]>;

/** How the buyer pays: the offer's prices at once, or a payment schedule. */
export type Payment = "atOnce" | "installments";

/**
 * A granted quantity as the form sends it: a whole number, or, when the text typed is not one,
 * that text, for the server to refuse at its field ("1,000" is never read as 1).
 */
export type QuantityInput = number | string;

/** The offer's pricing as the form sends it: the API's, with quantities that may still be text. */
export type FormPricing = OfferPricing extends infer P
  ? P extends { model: "saas_contract" }
    ? Omit<P, "quantities"> & { quantities?: Record<string, QuantityInput> }
    : P extends { model: "hourly_annual" }
      ? Omit<P, "annualQuantities"> & { annualQuantities?: Record<string, QuantityInput> }
      : P
  : never;

/**
 * Where a payment schedule puts its quantities: the upfront table it replaces (a contract's
 * prices, an hourly + annual offer's annual prices) and the field granting a quantity of each.
 */
export interface ScheduledTable {
  priceKey: "contract" | "annual";
  quantityField: "quantities" | "annualQuantities";
  label: string;
  hint: string;
  /** A typical quantity, the inputs' placeholder. */
  example: string;
}

/**
 * The table a schedule replaces for this model; null for the models AWS Marketplace takes no
 * payment schedule for (only SaaS contracts and hourly + annual offers have one).
 */
export function scheduledTableOf(pricing: Pick<ProductPricing, "model">): ScheduledTable | null {
  if (pricing.model === "saas_contract") {
    return { priceKey: "contract", quantityField: "quantities", label: "Units granted for the whole term", hint: "A whole number for each dimension, e.g. 100.", example: "100" };
  }
  if (pricing.model === "hourly_annual") {
    return {
      priceKey: "annual",
      quantityField: "annualQuantities",
      label: "Instances on the annual term",
      hint: "A whole number for each instance type sold by the year, e.g. 3; leave a type empty to sell it by the hour only.",
      example: "3",
    };
  }
  return null;
}

/** A quantity typed as digits becomes that number; anything else goes as typed, for the server to refuse. */
export function quantityOf(text: string): QuantityInput {
  return /^\d+$/.test(text) ? Number(text) : text;
}

/** A draft pays in installments when it has a schedule, or grants quantities that only a schedule can. */
export function paymentOf(offer: { pricing: OfferPricing | null; installments: unknown[] | null } | null): Payment {
  if (offer?.installments) return "installments";
  const pricing = offer?.pricing;
  const granted = (pricing && "quantities" in pricing && pricing.quantities) || (pricing && "annualQuantities" in pricing && pricing.annualQuantities);
  return granted ? "installments" : "atOnce";
}
