import type { CreateOfferInput, UpdateOfferInput } from "@offerkit/sdk";
import { normalizeAccounts } from "./accounts";
import { UsageError } from "./errors";
import type { Agreement, Installment, OfferFile, Pricing, PricingModel } from "./offer-file";

const createCommand = "offers create";

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
  /** `--installment <date>=<amount>`, repeatable: the whole schedule, replacing the file's. */
  installments?: string[] | undefined;
}

/** What the product says about how it is priced. */
export interface ProductPricingRef {
  id: string;
  asin: string;
  model: PricingModel;
}

/** The product reference from the flags or else the file; without one there is nothing to offer. */
export function productRef(flags: OfferFlags, file: OfferFile, command = createCommand): string {
  const ref = flags.product ?? file.product;
  if (ref === undefined) throw new UsageError("missing --product (a product ID or ASIN, or productId/asin in the file)", command);
  return ref;
}

/** `--price seats=45.50` pairs into a table. The value stays the typed text: no float ever sees it. */
export function priceTable(pairs: readonly string[], flag: string, command = createCommand): Record<string, string> {
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
export function offerPricing(product: ProductPricingRef, flags: OfferFlags, file: Pricing | undefined, command = createCommand): Pricing | undefined {
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
  const prices = priceTable(flags.prices ?? [], "--price", command);
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
        annual: { ...(file?.model === "hourly_annual" ? file.annual : {}), ...priceTable(flags.annualPrices ?? [], "--annual-price", command) },
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

/** `--installment 2027-01-15=30000.00` pairs, in the order given. The amount stays the typed text. */
export function installmentList(pairs: readonly string[], command = createCommand): Installment[] {
  return pairs.map((pair) => {
    const split = pair.indexOf("=");
    const chargeDate = pair.slice(0, split).trim();
    const amount = pair.slice(split + 1).trim();
    if (split === -1 || chargeDate === "" || amount === "") {
      throw new UsageError(`--installment takes <YYYY-MM-DD>=<USD>, e.g. --installment 2027-01-15=30000.00; got ${pair}`, command);
    }
    return { chargeDate, amount };
  });
}

function agreement(flags: OfferFlags, file: Agreement | undefined, command: string): Agreement | undefined {
  if (flags.duration !== undefined && flags.endDate !== undefined) throw new UsageError("give --duration or --end-date, not both", command);
  if (flags.duration !== undefined) return { kind: "duration", duration: flags.duration };
  if (flags.endDate !== undefined) return { kind: "endDate", endDate: flags.endDate };
  return file;
}

/**
 * The API's create input: flags over file fields, for the resolved product. A EULA given as a
 * path is not in it: the caller uploads it and sets `eulaSha256`.
 */
export function createOfferInput(product: ProductPricingRef, flags: OfferFlags, file: OfferFile, command = createCommand): CreateOfferInput {
  const input: CreateOfferInput = { productId: product.id };
  const set = <K extends keyof CreateOfferInput>(key: K, value: CreateOfferInput[K] | undefined) => {
    if (value !== undefined) input[key] = value;
  };
  set("name", flags.name ?? file.name);
  set("description", flags.description ?? file.description);
  set("buyerAccounts", flags.accounts?.length ? flags.accounts : file.buyerAccounts && normalizeAccounts(file.buyerAccounts));
  set("pricing", offerPricing(product, flags, file.pricing, command));
  set("eulaSha256", file.eulaSha256);
  set("agreement", agreement(flags, file.agreement, command));
  set("acceptanceDeadline", flags.deadline ?? file.acceptanceDeadline);
  set("refundPolicy", flags.refundPolicy ?? file.refundPolicy);
  set("installments", flags.installments?.length ? installmentList(flags.installments, command) : file.installments);
  set("idempotencyKey", file.idempotencyKey);
  return input;
}

/** An update's patch: a field given replaces the draft's, `null` clears it. */
export type OfferPatch = UpdateOfferInput["patch"];

/** What `--clear` may empty: every term of a draft. */
export const clearableFields = ["name", "description", "buyerAccounts", "pricing", "eulaSha256", "agreement", "acceptanceDeadline", "refundPolicy", "installments"] as const;
type Clearable = (typeof clearableFields)[number];

function isClearable(field: string): field is Clearable {
  return (clearableFields as readonly string[]).includes(field);
}

/**
 * The patch of `offers update`: the file's fields with the flags over them, as for create. Price
 * flags are laid over the file's prices, or else over the draft's current ones, so
 * `--price seats=40` changes one price and keeps the others. `clear` names fields to empty.
 */
export function updateOfferPatch(
  product: ProductPricingRef,
  flags: OfferFlags,
  file: OfferFile,
  current: { pricing: Pricing | null },
  clear: readonly string[],
  command: string,
): OfferPatch {
  const priced = Boolean(flags.prices?.length || flags.annualPrices?.length || flags.monthlyFee !== undefined);
  const base = file.pricing ?? (priced && current.pricing?.model === product.model ? current.pricing : undefined);
  const { productId: _productId, idempotencyKey: _key, pricing, ...terms } = createOfferInput(product, flags, base === undefined ? file : { ...file, pricing: base }, command);
  const patch: OfferPatch = { ...terms, ...(pricing !== undefined && (priced || file.pricing !== undefined) && { pricing }) };
  for (const field of clear) {
    if (!isClearable(field)) throw new UsageError(`--clear takes one of ${clearableFields.join(", ")}, not ${field}`, command);
    if (patch[field] !== undefined) throw new UsageError(`${field} is both set and cleared: give one of them`, command);
    patch[field] = null;
  }
  return patch;
}
