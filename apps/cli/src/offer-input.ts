import type { CreateOfferInput } from "@offerkit/sdk";
import { UsageError } from "./errors";
import type { Agreement, OfferFile, Pricing, PricingModel } from "./offer-file";

const command = "offers create";

/** The flags of `offers create` that shape the offer; each one replaces the file's field. */
export interface OfferFlags {
  product?: string | undefined;
  accounts?: string[] | undefined;
  name?: string | undefined;
  description?: string | undefined;
  prices?: string[] | undefined;
  annualPrices?: string[] | undefined;
  monthlyFee?: string | undefined;
  duration?: string | undefined;
  endDate?: string | undefined;
  deadline?: string | undefined;
  refundPolicy?: string | undefined;
}

/** What the product says about how it is priced. */
export interface ProductPricingRef {
  id: string;
  asin: string;
  model: PricingModel;
}

/** The product reference from the flags or else the file; without one there is nothing to offer. */
export function productRef(flags: OfferFlags, file: OfferFile): string {
  const ref = flags.product ?? file.product;
  if (ref === undefined) throw new UsageError("missing --product (a product ID or ASIN, or productId/asin in the file)", command);
  return ref;
}

/** `--price seats=45.50` pairs into a table. The value stays the typed text: no float ever sees it. */
export function priceTable(pairs: readonly string[], flag: string): Record<string, string> {
  const table = new Map<string, string>();
  for (const pair of pairs) {
    const split = pair.indexOf("=");
    const key = pair.slice(0, split).trim();
    const price = pair.slice(split + 1).trim();
    if (split === -1 || key === "" || price === "") throw new UsageError(`${flag} takes <dimension>=<price>, e.g. ${flag} seats=45.50; got ${pair}`, command);
    if (table.has(key)) throw new UsageError(`${flag} ${key} is given twice`, command);
    table.set(key, price);
  }
  return Object.fromEntries(table);
}

const howToPrice: Record<PricingModel, string> = {
  free: "it takes no prices",
  byol: "it takes no prices",
  hourly: "use --price <instance type>=<USD per hour>",
  hourly_annual: "use --price <instance type>=<USD per hour> and --annual-price <instance type>=<USD per year>",
  monthly: "use --monthly-fee <USD per month>",
  usage: "use --price <dimension>=<USD per unit>",
  saas_subscription: "use --price <dimension>=<USD per unit>",
  saas_contract: "use --price <dimension>=<USD per unit for the whole term>",
};

const flagsByModel: Record<PricingModel, readonly string[]> = {
  free: [],
  byol: [],
  hourly: ["--price"],
  hourly_annual: ["--price", "--annual-price"],
  monthly: ["--monthly-fee"],
  usage: ["--price"],
  saas_subscription: ["--price"],
  saas_contract: ["--price"],
};

/**
 * The offer's prices in the shape of the product's model. Price flags are laid over the file's
 * prices dimension by dimension, so a file can hold a price list and a flag adjust one line;
 * the quantities the file grants with a payment schedule stay as they are.
 * Without any price, a free or BYOL product still gets its (empty) pricing: it needs none.
 */
export function offerPricing(product: ProductPricingRef, flags: OfferFlags, file: Pricing | undefined): Pricing | undefined {
  const given = [
    ...(flags.prices?.length ? ["--price"] : []),
    ...(flags.annualPrices?.length ? ["--annual-price"] : []),
    ...(flags.monthlyFee !== undefined ? ["--monthly-fee"] : []),
  ];
  const { model } = product;
  const misplaced = given.find((flag) => !flagsByModel[model].includes(flag));
  if (misplaced !== undefined) {
    throw new UsageError(`${misplaced} does not apply: ${product.asin} is priced ${model}; ${howToPrice[model]}`, command);
  }
  if (given.length === 0) return file ?? (model === "free" || model === "byol" ? { model } : undefined);
  const prices = priceTable(flags.prices ?? [], "--price");
  switch (model) {
    case "free":
    case "byol":
      return { model };
    case "hourly":
      return { model, hourly: { ...(file?.model === "hourly" ? file.hourly : {}), ...prices } };
    case "hourly_annual":
      return {
        model,
        hourly: { ...(file?.model === "hourly_annual" ? file.hourly : {}), ...prices },
        annual: { ...(file?.model === "hourly_annual" ? file.annual : {}), ...priceTable(flags.annualPrices ?? [], "--annual-price") },
        ...(file?.model === "hourly_annual" && file.annualQuantities !== undefined && { annualQuantities: file.annualQuantities }),
      };
    case "monthly":
      return flags.monthlyFee === undefined ? file : { model, monthlyFee: flags.monthlyFee };
    case "usage":
      return { model, rates: { ...(file?.model === "usage" ? file.rates : {}), ...prices } };
    case "saas_subscription":
      return { model, rates: { ...(file?.model === "saas_subscription" ? file.rates : {}), ...prices } };
    case "saas_contract":
      return {
        model,
        contract: { ...(file?.model === "saas_contract" ? file.contract : {}), ...prices },
        ...(file?.model === "saas_contract" && file.quantities !== undefined && { quantities: file.quantities }),
      };
  }
}

function agreement(flags: OfferFlags, file: Agreement | undefined): Agreement | undefined {
  if (flags.duration !== undefined && flags.endDate !== undefined) throw new UsageError("give --duration or --end-date, not both", command);
  if (flags.duration !== undefined) return { kind: "duration", duration: flags.duration };
  if (flags.endDate !== undefined) return { kind: "endDate", endDate: flags.endDate };
  return file;
}

/**
 * The API's create input: flags over file fields, for the resolved product. A EULA given as a
 * path is not in it: the caller uploads it and sets `eulaSha256`.
 */
export function createOfferInput(product: ProductPricingRef, flags: OfferFlags, file: OfferFile): CreateOfferInput {
  const input: CreateOfferInput = { productId: product.id };
  const set = <K extends keyof CreateOfferInput>(key: K, value: CreateOfferInput[K] | undefined) => {
    if (value !== undefined) input[key] = value;
  };
  set("name", flags.name ?? file.name);
  set("description", flags.description ?? file.description);
  set("buyerAccounts", flags.accounts?.length ? flags.accounts : file.buyerAccounts);
  set("pricing", offerPricing(product, flags, file.pricing));
  set("eulaSha256", file.eulaSha256);
  set("agreement", agreement(flags, file.agreement));
  set("acceptanceDeadline", flags.deadline ?? file.acceptanceDeadline);
  set("refundPolicy", flags.refundPolicy ?? file.refundPolicy);
  set("installments", file.installments);
  set("idempotencyKey", file.idempotencyKey);
  return input;
}
