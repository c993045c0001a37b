import type { CreateProductInput, OfferPricing, PricingModel, ProductPricing, UpdateProductInput } from "@offerkit/sdk";
import { UsageError } from "./errors";
import { offerPricing, type OfferFlags } from "./offer-input";
import { pricingModels, type Pricing } from "./offer-file";
import type { ProductFile } from "./product-file";

/** The flags of `products create` and `products update`; each replaces the file's field. */
export interface ProductFlags {
  asin?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
  marketplaceProductId?: string | undefined;
  productCode?: string | undefined;
  catalogProductId?: string | undefined;
  highlights?: string[] | undefined;
  keywords?: string[] | undefined;
  categories?: string[] | undefined;
  model?: string | undefined;
  category?: string | undefined;
  dimensions?: string[] | undefined;
  freeTrialDays?: string | undefined;
  /** The public offer's prices, as `offers create` takes an offer's. */
  prices: OfferFlags;
}

function isModel(value: string): value is PricingModel {
  return (pricingModels as readonly string[]).includes(value);
}

/** `--dimension seats="Seats"`: the key, then the name buyers read (the key when left out). */
export function dimensionList(pairs: readonly string[]): { key: string; name: string }[] {
  return pairs.map((pair) => {
    const split = pair.indexOf("=");
    const key = (split === -1 ? pair : pair.slice(0, split)).trim();
    const name = split === -1 ? key : pair.slice(split + 1).trim();
    return { key, name };
  });
}

function freeTrial(flag: string | undefined, file: number | undefined, command: string): number | undefined {
  if (flag === undefined) return file;
  if (!/^\d{1,3}$/.test(flag)) throw new UsageError(`--free-trial-days takes a whole number of days, not ${flag}`, command);
  return Number(flag);
}

/**
 * A product's pricing in the shape of its model. The category's values are the server's to
 * check: it names the field and the values it takes.
 */
function productPricing(model: PricingModel, category: string | undefined, dimensions: { key: string; name: string }[], freeTrialDays: number | undefined): ProductPricing {
  const trial = freeTrialDays === undefined ? {} : { freeTrialDays };
  switch (model) {
    case "free":
    case "byol":
    case "monthly":
      return { model, dimensions };
    case "hourly":
    case "hourly_annual":
      return { model, dimensions, ...trial };
    case "usage":
      return { model, dimensions, category: (category ?? "") as Extract<ProductPricing, { model: "usage" }>["category"] };
    case "saas_subscription":
      return { model, dimensions, category: (category ?? "") as Extract<ProductPricing, { model: "saas_subscription" }>["category"] };
    case "saas_contract":
      return { model, dimensions };
  }
}

/** The API's create input: flags over the file. What is missing is named at once, before any request. */
export function createProductInput(flags: ProductFlags, file: ProductFile, command: string): CreateProductInput {
  const pick = <K extends keyof ProductFile & keyof ProductFlags>(key: K) => flags[key] ?? file[key];
  const required = { asin: pick("asin"), title: pick("title"), description: pick("description"), marketplaceProductId: pick("marketplaceProductId"), productCode: pick("productCode"), model: pick("model") };
  const missing = Object.entries(required).filter(([, value]) => value === undefined).map(([key]) => (key === "model" ? "--model (pricing.model)" : `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} (${key})`));
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(", ")}`, command);
  const { asin = "", title = "", description = "", marketplaceProductId = "", productCode = "", model = "" } = required;
  if (!isModel(model)) throw new UsageError(`--model is one of ${pricingModels.join(", ")}, not ${model}`, command);
  const dimensions = flags.dimensions?.length ? dimensionList(flags.dimensions) : (file.dimensions ?? []);
  const pricing = productPricing(model, pick("category"), dimensions, freeTrial(flags.freeTrialDays, file.freeTrialDays, command));
  const publicPricing = publicPrices(asin, model, flags.prices, undefined, command);
  const catalogProductId = pick("catalogProductId");
  return {
    asin,
    title,
    description,
    marketplaceProductId,
    productCode,
    highlights: pick("highlights") ?? [],
    keywords: pick("keywords") ?? [],
    categories: pick("categories") ?? [],
    pricing,
    ...(catalogProductId !== undefined && { catalogProductId }),
    ...(publicPricing !== undefined && { publicPricing }),
  };
}

/** The public prices from price flags, laid over the product's current ones; none without a flag. */
function publicPrices(asin: string, model: PricingModel, flags: OfferFlags, current: Pricing | undefined, command: string): Pricing | undefined {
  const given = Boolean(flags.prices?.length || flags.annualPrices?.length || flags.monthlyFee !== undefined);
  if (!given) return undefined;
  return offerPricing({ id: "", asin, model }, flags, current, command);
}

export type ProductPatch = UpdateProductInput["patch"];

/** An update's patch: only what the flags or the file set. A product's pricing model never changes. */
export function updateProductPatch(
  product: { asin: string; model: PricingModel; publicPricing: OfferPricing | undefined },
  flags: ProductFlags,
  file: ProductFile,
  command: string,
): ProductPatch {
  const fixed = [
    ["--asin", flags.asin],
    ["--marketplace-product-id", flags.marketplaceProductId],
    ["--product-code", flags.productCode],
    ["--model", flags.model],
    ["--usage-category", flags.category],
    ["--dimension", flags.dimensions?.[0]],
  ].flatMap(([flag, value]) => (value === undefined ? [] : [flag]));
  if (fixed.length > 0) throw new UsageError(`${fixed.join(", ")}: fixed once a product exists, since offers point at it`, command);
  if (file.asin !== undefined && file.asin !== product.asin) throw new UsageError(`the file is for ${file.asin}, not this product (${product.asin})`, command);
  const patch: ProductPatch = {};
  const set = <K extends keyof ProductPatch>(key: K, value: ProductPatch[K] | undefined) => {
    if (value !== undefined) patch[key] = value;
  };
  set("title", flags.title ?? file.title);
  set("description", flags.description ?? file.description);
  set("highlights", flags.highlights ?? file.highlights);
  set("keywords", flags.keywords ?? file.keywords);
  set("categories", flags.categories ?? file.categories);
  set("catalogProductId", flags.catalogProductId ?? file.catalogProductId);
  set("publicPricing", publicPrices(product.asin, product.model, flags.prices, product.publicPricing, command));
  return patch;
}
