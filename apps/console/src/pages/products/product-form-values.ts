import type { CreateProductInput, PricingModel, Product, UpdateProductInput } from "@offerkit/sdk";
import type { FieldErrors } from "../../errors";

/** The categories the marketplace allows per model; only these two models have one. */
export const USAGE_CATEGORIES = ["users", "hosts", "bandwidth", "data"] as const;
export const SAAS_CATEGORIES = ["units", "hosts", "data", "requests", "users"] as const;

/** A product form as typed: every field text, so nothing a rep typed is lost before the server reads it. */
export interface ProductFormValues {
  title: string;
  description: string;
  asin: string;
  marketplaceProductId: string;
  productCode: string;
  catalogProductId: string;
  model: PricingModel;
  category: string;
  freeTrialDays: string;
  dimensions: { key: string; name: string }[];
  /** One per line, up to 3 each. */
  highlights: string;
  keywords: string;
  categories: string;
}

/** Models that price dimensions (instance types, usage variants, contract dimensions). */
export function hasDimensions(model: PricingModel): boolean {
  return model !== "free" && model !== "byol" && model !== "monthly";
}

/** What the dimensions of a model are called on its form. */
export function dimensionsLabel(model: PricingModel): string {
  if (model === "hourly" || model === "hourly_annual") return "Instance types";
  if (model === "usage" || model === "saas_subscription") return "Usage variants";
  return "Contract dimensions";
}

export function categoriesOf(model: PricingModel): readonly string[] {
  if (model === "usage") return USAGE_CATEGORIES;
  if (model === "saas_subscription") return SAAS_CATEGORIES;
  return [];
}

export const emptyProductForm = (): ProductFormValues => ({
  title: "",
  description: "",
  asin: "",
  marketplaceProductId: "",
  productCode: "",
  catalogProductId: "",
  model: "saas_contract",
  category: "",
  freeTrialDays: "",
  dimensions: [{ key: "", name: "" }],
  highlights: "",
  keywords: "",
  categories: "",
});

/** A product's editable fields, as the edit form starts. */
export function productFormOf(product: Product): ProductFormValues {
  const { pricing } = product;
  return {
    title: product.title,
    description: product.description,
    asin: product.asin,
    marketplaceProductId: product.marketplaceProductId,
    productCode: product.productCode,
    catalogProductId: product.catalogProductId ?? "",
    model: pricing.model,
    category: "category" in pricing ? pricing.category : "",
    freeTrialDays: "freeTrialDays" in pricing && pricing.freeTrialDays !== undefined ? String(pricing.freeTrialDays) : "",
    dimensions: pricing.dimensions.map((dimension) => ({ ...dimension })),
    highlights: product.highlights.join("\n"),
    keywords: product.keywords.join("\n"),
    categories: product.categories.join("\n"),
  };
}

/** One item per non-empty line, trimmed: highlights, keywords and categories are typed one per line. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** A typed list the API takes as up to 3 items; more are sent, and refused there with the field named. */
function listFields(values: ProductFormValues) {
  return { highlights: linesOf(values.highlights), keywords: linesOf(values.keywords), categories: linesOf(values.categories) };
}

type CreatePricing = CreateProductInput["pricing"];

/**
 * The pricing part of a new product. Anything the browser cannot even put in the request (free
 * trial days that are no whole number, a category the model does not have) is an error here,
 * named as the API names the field; everything else is the server's to judge.
 */
function pricingOf(values: ProductFormValues): { pricing: CreatePricing } | { errors: FieldErrors } {
  const dimensions = values.dimensions.filter((dimension) => dimension.key.trim() !== "" || dimension.name.trim() !== "").map((dimension) => ({ key: dimension.key.trim(), name: dimension.name.trim() }));
  const trial = values.freeTrialDays.trim();
  if (trial !== "" && !/^\d+$/.test(trial)) return { errors: { "pricing.freeTrialDays": "Free-trial days are a whole number, 5 to 31" } };
  const freeTrial = trial === "" ? {} : { freeTrialDays: Number(trial) };
  switch (values.model) {
    case "free":
    case "byol":
    case "monthly":
      return { pricing: { model: values.model } };
    case "hourly":
    case "hourly_annual":
      return { pricing: { model: values.model, dimensions, ...freeTrial } };
    case "saas_contract":
      return { pricing: { model: "saas_contract", dimensions } };
    case "usage": {
      const category = USAGE_CATEGORIES.find((value) => value === values.category);
      return category ? { pricing: { model: "usage", category, dimensions } } : { errors: { "pricing.category": "Choose what the usage is measured in" } };
    }
    case "saas_subscription": {
      const category = SAAS_CATEGORIES.find((value) => value === values.category);
      return category ? { pricing: { model: "saas_subscription", category, dimensions } } : { errors: { "pricing.category": "Choose what the usage is measured in" } };
    }
  }
}

/** The form as `products.create` takes it; text is sent trimmed, an empty optional field left out. */
export function createInputOf(values: ProductFormValues): { input: CreateProductInput } | { errors: FieldErrors } {
  const priced = pricingOf(values);
  if ("errors" in priced) return priced;
  const catalogProductId = values.catalogProductId.trim();
  return {
    input: {
      title: values.title.trim(),
      description: values.description.trim(),
      asin: values.asin.trim(),
      marketplaceProductId: values.marketplaceProductId.trim(),
      productCode: values.productCode.trim(),
      ...(catalogProductId !== "" && { catalogProductId }),
      pricing: priced.pricing,
      ...listFields(values),
    },
  };
}

/**
 * The form as `products.update` takes it: the listing and the catalog product ID. The pricing
 * model and the marketplace identifiers are fixed once offers may point at the product.
 */
export function updateInputOf(productId: string, values: ProductFormValues): UpdateProductInput {
  const catalogProductId = values.catalogProductId.trim();
  return {
    productId,
    patch: {
      title: values.title.trim(),
      description: values.description.trim(),
      ...listFields(values),
      ...(catalogProductId !== "" && { catalogProductId }),
    },
  };
}
