import { z } from "zod";
import { accountIdSchema, asinSchema, idempotencyKeySchema } from "./ids";
import { attributionIdSchema } from "./marketing";
import { toUnits, fromUnits } from "./money";
import { dimensionKeySchema, type OfferPricing, type PricingModel } from "./pricing";

export const subscriptionIdSchema = z
  .string()
  .regex(/^sub-[A-Za-z0-9_-]{10,40}$/, "Expected a subscription ID like sub-...")
  .describe("An Offerkit subscription ID");

export const subscribeInputSchema = z.strictObject({
  asin: asinSchema,
  quantity: z.number().int().min(1).max(10_000).default(1).describe("Annual subscriptions bought (hourly + annual); 1 otherwise"),
  annualInstanceType: dimensionKeySchema
    .optional()
    .describe("Hourly + annual: the instance type the annual subscriptions are for; needed when the product sells annual subscriptions of several types"),
  attributionId: attributionIdSchema.optional(),
  idempotencyKey: idempotencyKeySchema.optional(),
});
export type SubscribeInput = z.input<typeof subscribeInputSchema>;

export const subscriptionIdInputSchema = z.strictObject({ subscriptionId: subscriptionIdSchema });

/** Metered usage is reported for whole hours, like the marketplace's metering. */
export const usageHourSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00(\.000)?Z$/, "An hour is written YYYY-MM-DDTHH:00:00Z (UTC, on the hour)")
  .refine((value) => !Number.isNaN(Date.parse(value)), "That hour does not exist")
  .transform((value) => new Date(value).toISOString());

/** Usage older than this many hours is refused, as the marketplace refuses it. */
export const USAGE_MAX_AGE_HOURS = 6;

const HOUR_MS = 60 * 60 * 1000;

/**
 * Why usage cannot be reported for the hour beginning at `hour` at the time `now`, or null when
 * it can: the hour must have begun, and be no more than USAGE_MAX_AGE_HOURS whole hours before
 * the current one.
 */
export function usageHourProblem(hour: Date, now: Date): string | null {
  if (hour.getTime() > now.getTime()) return "Usage cannot be reported for an hour that has not begun";
  const oldest = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - USAGE_MAX_AGE_HOURS * HOUR_MS;
  if (hour.getTime() < oldest) return `Usage more than ${USAGE_MAX_AGE_HOURS} hours old is refused`;
  return null;
}
export const USAGE_BATCH_MAX = 25;

export const usageRecordSchema = z.strictObject({
  account: accountIdSchema,
  asin: asinSchema,
  dimension: dimensionKeySchema,
  hour: usageHourSchema,
  quantity: z.number().int("Usage is a whole number of units").min(0).max(1_000_000_000),
});
export type UsageRecordInput = z.input<typeof usageRecordSchema>;

export const reportUsageInputSchema = z.strictObject({
  records: z.array(usageRecordSchema).min(1).max(USAGE_BATCH_MAX, `At most ${USAGE_BATCH_MAX} records per call`),
});

export type UsageOutcome = "accepted" | "duplicate";

export interface UsageResult {
  index: number;
  outcome: UsageOutcome;
}

/** The SaaS customer identifier of an account on a SaaS product, as `support.lookup` shows it. */
export const customerIdentifierSchema = z
  .string()
  .regex(/^[A-Za-z0-9]{13}$/, "A customer identifier is 13 letters and digits, as a SaaS subscription shows it")
  .describe("The SaaS customer identifier: one per customer account and SaaS product");

/** Look a customer up by its account, or a SaaS customer by its customer identifier. */
export const eligibilityInputSchema = z.union([
  z.strictObject({ account: accountIdSchema }),
  z.strictObject({ customerIdentifier: customerIdentifierSchema }),
]);
export type EligibilityInput = z.input<typeof eligibilityInputSchema>;

export type SubscriptionStatus = "active" | "cancelled" | "ended";

export interface SubscriptionView {
  id: string;
  productId: string;
  asin: string;
  productTitle: string;
  pricingModel: PricingModel;
  status: SubscriptionStatus;
  startsAt: string;
  /** Null while it runs until cancelled. */
  endsAt: string | null;
  /** Annual subscriptions held (hourly + annual); 1 otherwise. */
  quantity: number;
  /** SaaS products only: the customer identifier the product's metering names this account by. */
  customerIdentifier: string | null;
  /** The private offer it came from; null for the public offer. */
  offerId: string | null;
  visibility: "private" | "public";
  pricing: OfferPricing | null;
}

export interface DimensionUsage {
  dimension: string;
  quantity: number;
  /** Hourly + annual: the instance hours the account's annual subscriptions covered (not charged); 0 otherwise. */
  coveredByAnnual: number;
  /** USD at the subscription's price for the dimension; null when it is not priced by usage. */
  estimatedCharge: string | null;
}

export interface EligibleSubscription extends SubscriptionView {
  /** The last 30 days. */
  usage: DimensionUsage[];
  estimatedCharge: string | null;
}

export interface EligibilityView {
  account: string;
  /** The SaaS customer identifier the lookup was made by; null for a lookup by account. */
  customerIdentifier: string | null;
  lookedUpAt: string;
  subscriptions: EligibleSubscription[];
}

export interface SupportLookupRecord {
  id: string;
  keyId: string;
  /** The account looked up, or the one the customer identifier named; empty when it named none. */
  account: string;
  /** Set when the lookup was by SaaS customer identifier. */
  customerIdentifier: string | null;
  at: string;
  subscriptionsFound: number;
}

/** The per-unit usage price of a dimension, or null when the model does not price it by usage. */
export function usageRate(pricing: OfferPricing | null, dimension: string): string | null {
  if (!pricing) return null;
  switch (pricing.model) {
    case "hourly":
    case "hourly_annual":
      return pricing.hourly[dimension] ?? null;
    case "usage":
    case "saas_subscription":
      return pricing.rates[dimension] ?? null;
    default:
      return null;
  }
}

/** quantity x rate, exactly; the sum of several with `sumCharges`. */
export function usageCharge(quantity: number, rate: string): bigint {
  return BigInt(quantity) * toUnits(rate);
}

export function formatCharge(units: bigint): string {
  return fromUnits(units, 2);
}

export type ReportUsageInput = z.input<typeof reportUsageInputSchema>;
