import { addUtcMonths } from "./dates";
import type { OfferPricing } from "./pricing";
import { toUnits } from "./money";

/** What an account's hourly + annual subscription holds, as eligibility reads it. */
export interface AnnualHolding {
  pricing: OfferPricing | null;
  /** Annual subscriptions bought (a public purchase); 1 for a private offer. */
  quantity: number;
  startsAt: string;
  endsAt: string | null;
}

/**
 * The instances of `instanceType` that one holding's annual subscriptions cover, and until when.
 * A private offer paid in installments grants its `annualQuantities` for the whole agreement;
 * otherwise each annual subscription covers one instance of a type its prices hold an annual
 * price for (a public purchase keeps only the type bought; an accepted private offer, one of each
 * of its annual types), for 12 months from its start (or until it ends, if sooner).
 */
export function annualCover(holding: AnnualHolding, instanceType: string): { instances: number; from: string; until: string } | null {
  const pricing = holding.pricing;
  if (pricing?.model !== "hourly_annual") return null;
  const granted = pricing.annualQuantities?.[instanceType];
  const instances = granted ?? (pricing.annual[instanceType] === undefined ? 0 : holding.quantity);
  if (instances === 0) return null;
  const yearEnd = addUtcMonths(new Date(holding.startsAt), 12).toISOString();
  const until = granted !== undefined ? (holding.endsAt ?? yearEnd) : holding.endsAt !== null && holding.endsAt < yearEnd ? holding.endsAt : yearEnd;
  return { instances, from: holding.startsAt, until };
}

export interface HourOfUsage {
  /** `YYYY-MM-DDTHH:00:00.000Z` */
  hour: string;
  quantity: number;
}

/**
 * Hourly + annual as the marketplace bills it: in each hour, instance hours up to the number of
 * annual subscriptions held for the type (by all of the account's subscriptions to the product)
 * are covered; only the rest is charged at the hourly rate. Exact: bigint nano-dollars.
 */
export function hourlyAnnualCharge(
  usage: readonly HourOfUsage[],
  hourlyRate: string,
  holdings: readonly AnnualHolding[],
  instanceType: string,
): { charge: bigint; covered: number } {
  const covers = holdings.flatMap((holding) => annualCover(holding, instanceType) ?? []);
  let charge = 0n;
  let covered = 0;
  for (const { hour, quantity } of usage) {
    const held = covers.filter((cover) => cover.from <= hour && hour < cover.until).reduce((sum, cover) => sum + cover.instances, 0);
    const free = Math.min(quantity, held);
    covered += free;
    charge += BigInt(quantity - free) * toUnits(hourlyRate);
  }
  return { charge, covered };
}
