import { z } from "zod";
import type { FieldIssue } from "./errors";
import { upfrontPriceSchema, usagePriceSchema } from "./money";

/** The pricing models a product can have (DOMAIN.md, "Products and pricing"). */
export const pricingModels = [
  "free",
  "byol",
  "hourly",
  "hourly_annual",
  "monthly",
  "usage",
  "saas_subscription",
  "saas_contract",
] as const;
export const pricingModelSchema = z.enum(pricingModels).describe("The product's pricing model");
export type PricingModel = z.infer<typeof pricingModelSchema>;

export const dimensionKeySchema = z
  .string()
  .min(1, "A dimension key has 1 to 100 characters")
  .max(100, "A dimension key has 1 to 100 characters")
  .regex(/^[A-Za-z0-9_.:-]+$/, "A dimension key uses letters, digits and _ . : - only")
  // Keys become property names of price tables; these would reach an object's prototype.
  .refine((key) => !["__proto__", "constructor", "prototype"].includes(key), "This dimension key is reserved")
  .describe("The dimension's key, e.g. an instance type (m5.large) or a usage variant (users_basic)");

export const dimensionSchema = z.strictObject({
  key: dimensionKeySchema,
  name: z.string().trim().min(1).max(100).describe("A name buyers read"),
});
export type Dimension = z.infer<typeof dimensionSchema>;

function dimensionList(min: number, max: number, what: string) {
  return z
    .array(dimensionSchema)
    .min(min, `At least ${min} ${what}`)
    .max(max, `At most ${max} ${what}`)
    .superRefine((dimensions, ctx) => {
      const seen = new Set<string>();
      dimensions.forEach((dimension, index) => {
        if (seen.has(dimension.key)) {
          ctx.addIssue({ code: "custom", path: [index, "key"], message: `Dimension key ${dimension.key} repeats` });
        }
        seen.add(dimension.key);
      });
    });
}

const freeTrialDaysSchema = z
  .number()
  .int("Free-trial days are a whole number")
  .min(5, "A free trial lasts 5 to 31 days")
  .max(31, "A free trial lasts 5 to 31 days")
  .describe("Optional free trial for exactly one instance, 5 to 31 days");

/**
 * A product's pricing: its model and the dimensions that model prices. Free trials and annual
 * prices exist only on the hourly models, so they cannot be combined with monthly or usage pricing.
 */
export const productPricingSchema = z.discriminatedUnion("model", [
  z.strictObject({ model: z.literal("free"), dimensions: z.array(dimensionSchema).max(0).default([]) }),
  z.strictObject({ model: z.literal("byol"), dimensions: z.array(dimensionSchema).max(0).default([]) }),
  z.strictObject({
    model: z.literal("hourly"),
    dimensions: dimensionList(1, 100, "instance types"),
    freeTrialDays: freeTrialDaysSchema.optional(),
  }),
  z.strictObject({
    model: z.literal("hourly_annual"),
    dimensions: dimensionList(1, 100, "instance types"),
    freeTrialDays: freeTrialDaysSchema.optional(),
  }),
  z.strictObject({ model: z.literal("monthly"), dimensions: z.array(dimensionSchema).max(0).default([]) }),
  z.strictObject({
    model: z.literal("usage"),
    category: z.enum(["users", "hosts", "bandwidth", "data"]),
    dimensions: dimensionList(1, 8, "usage variants"),
  }),
  z.strictObject({
    model: z.literal("saas_subscription"),
    category: z.enum(["units", "hosts", "data", "requests", "users"]),
    dimensions: dimensionList(1, 24, "variants"),
  }),
  z.strictObject({
    model: z.literal("saas_contract"),
    dimensions: dimensionList(1, 24, "contract dimensions"),
  }),
]);
export type ProductPricing = z.infer<typeof productPricingSchema>;

/** JSON may carry a `__proto__` key that zod's record would drop in silence; refuse it instead. */
const withoutProtoKey = z.custom<Record<string, unknown>>(
  (value) => typeof value !== "object" || value === null || !Object.prototype.hasOwnProperty.call(value, "__proto__"),
  "This dimension key is reserved",
);

function priceTable<T extends z.ZodType<string, string>>(price: T) {
  return withoutProtoKey.pipe(
    z.record(dimensionKeySchema, price).refine((table) => Object.keys(table).length <= 100, "At most 100 prices"),
  );
}

/** The marketplace's `Grants[].MaxQuantity`: a whole number from 1 to 2,147,483,646. */
export const MAX_GRANTED_QUANTITY = 2_147_483_646;
export const grantedQuantitySchema = z
  .number({ error: "A quantity is a whole number such as 100" })
  .int("A quantity is a whole number such as 100")
  .min(1, "A quantity is at least 1")
  .max(MAX_GRANTED_QUANTITY, `A quantity is at most ${MAX_GRANTED_QUANTITY.toLocaleString("en-US")}`);

const quantityTable = withoutProtoKey.pipe(
  z.record(dimensionKeySchema, grantedQuantitySchema).refine((table) => Object.keys(table).length <= 100, "At most 100 quantities"),
);

/** An offer's prices; the shape follows the product's pricing model. */
export const offerPricingSchema = z.discriminatedUnion("model", [
  z.strictObject({ model: z.literal("free") }),
  z.strictObject({ model: z.literal("byol") }),
  z.strictObject({
    model: z.literal("hourly"),
    hourly: priceTable(usagePriceSchema).describe("USD per instance-hour, per instance type"),
  }),
  z.strictObject({
    model: z.literal("hourly_annual"),
    hourly: priceTable(usagePriceSchema).describe("USD per instance-hour, per instance type"),
    annual: priceTable(upfrontPriceSchema).describe("USD for 12 months prepaid, per instance type"),
    annualQuantities: quantityTable
      .optional()
      .describe("With a payment schedule only: how many of each annual instance type the buyer gets for the term (its annual price is then 0)"),
  }),
  z.strictObject({
    model: z.literal("monthly"),
    monthlyFee: upfrontPriceSchema.describe("USD per month, prorated by day in the first and last month"),
  }),
  z.strictObject({
    model: z.literal("usage"),
    rates: priceTable(usagePriceSchema).describe("USD per unit, per usage variant, metered hourly"),
  }),
  z.strictObject({
    model: z.literal("saas_subscription"),
    rates: priceTable(usagePriceSchema).describe("USD per unit, per variant, reported hourly"),
  }),
  z.strictObject({
    model: z.literal("saas_contract"),
    contract: priceTable(upfrontPriceSchema).describe("USD per unit of each dimension for the whole term"),
    quantities: quantityTable
      .optional()
      .describe("With a payment schedule only: how many units of each dimension the buyer gets for the term (its price is then 0)"),
  }),
]);
export type OfferPricing = z.infer<typeof offerPricingSchema>;

function checkTable(
  field: string,
  table: Record<string, string>,
  dimensions: readonly Dimension[],
  { everyDimension }: { everyDimension: boolean },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = new Set(dimensions.map((dimension) => dimension.key));
  for (const key of Object.keys(table)) {
    if (!known.has(key)) {
      issues.push({ path: ["pricing", field, key], message: `${key} is not a dimension of this product` });
    }
  }
  if (everyDimension) {
    for (const dimension of dimensions) {
      if (!(dimension.key in table)) {
        issues.push({ path: ["pricing", field, dimension.key], message: `A price for ${dimension.key} is required` });
      }
    }
  }
  return issues;
}

/** Checks that an offer prices exactly the product's dimensions under the product's model. */
export function checkPricingCoversProduct(pricing: OfferPricing, product: ProductPricing): FieldIssue[] {
  if (pricing.model !== product.model) {
    return [
      {
        path: ["pricing", "model"],
        message: `The product is priced ${product.model}; the offer must use the same model`,
      },
    ];
  }
  const dims = product.dimensions;
  switch (pricing.model) {
    case "free":
    case "byol":
    case "monthly":
      return [];
    case "hourly":
      return checkTable("hourly", pricing.hourly, dims, { everyDimension: true });
    case "hourly_annual": {
      const issues = [
        ...checkTable("hourly", pricing.hourly, dims, { everyDimension: true }),
        ...checkTable("annual", pricing.annual, dims, { everyDimension: false }),
      ];
      if (Object.keys(pricing.annual).length === 0) {
        issues.push({ path: ["pricing", "annual"], message: "At least one instance type needs an annual price" });
      }
      return issues;
    }
    case "usage":
    case "saas_subscription":
      return checkTable("rates", pricing.rates, dims, { everyDimension: true });
    case "saas_contract":
      return checkTable("contract", pricing.contract, dims, { everyDimension: true });
  }
}

/** Every price of the offer, for checks that look at amounts only. */
export function allPrices(pricing: OfferPricing): string[] {
  switch (pricing.model) {
    case "free":
    case "byol":
      return [];
    case "monthly":
      return [pricing.monthlyFee];
    case "hourly":
      return Object.values(pricing.hourly);
    case "hourly_annual":
      return [...Object.values(pricing.hourly), ...Object.values(pricing.annual)];
    case "usage":
    case "saas_subscription":
      return Object.values(pricing.rates);
    case "saas_contract":
      return Object.values(pricing.contract);
  }
}
