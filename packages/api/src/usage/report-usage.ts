import { OfferkitError, usageHourProblem, type FieldIssue, type reportUsageInputSchema, type UsageResult } from "@offerkit/core";
import { findProductByAsin, hasSubscriptionDuring, insertUsage, type ProductRecord } from "@offerkit/db";
import type { z } from "zod";
import type { ApiDeps } from "../deps";

const HOUR_MS = 60 * 60 * 1000;

/**
 * The seller's product reports metered usage per customer, dimension and hour. Every record is
 * checked first and the batch is refused whole if one is wrong, so nothing is half-stored; then
 * each is stored once: a repeat of the same customer, dimension and hour is a `duplicate`,
 * never counted twice.
 */
export async function reportUsage(
  deps: Pick<ApiDeps, "db" | "clock">,
  sellerId: string,
  { records }: z.output<typeof reportUsageInputSchema>,
): Promise<UsageResult[]> {
  const now = deps.clock.now();
  const products = new Map<string, ProductRecord | null>();
  const issues: FieldIssue[] = [];
  const checked: { product: ProductRecord; record: (typeof records)[number] }[] = [];
  for (const [index, record] of records.entries()) {
    if (!products.has(record.asin)) products.set(record.asin, await findProductByAsin(deps.db, sellerId, record.asin));
    const product = products.get(record.asin);
    const at = (field: string, message: string) => issues.push({ path: ["records", index, field], message });
    if (!product) {
      at("asin", `No product with ASIN ${record.asin}`);
      continue;
    }
    const hour = new Date(record.hour);
    const hourProblem = usageHourProblem(hour, now);
    if (hourProblem !== null) at("hour", hourProblem);
    if (!product.pricing.dimensions.some((dimension) => dimension.key === record.dimension)) {
      at("dimension", `${record.dimension} is not a dimension of ${record.asin}`);
    }
    const hourEnd = new Date(hour.getTime() + HOUR_MS).toISOString();
    if (!(await hasSubscriptionDuring(deps.db, product.id, record.account, record.hour, hourEnd))) {
      at("account", `This account had no subscription to ${record.asin} at that hour`);
    }
    checked.push({ product, record });
  }
  if (issues.length > 0) {
    throw new OfferkitError("VALIDATION_FAILED", `${issues.length} usage record(s) refused; nothing was stored: ${issues[0]?.message}`, issues);
  }
  return deps.db.transaction().execute(async (trx) => {
    const results: UsageResult[] = [];
    for (const [index, { product, record }] of checked.entries()) {
      const stored = await insertUsage(trx, {
        productId: product.id,
        buyerAccount: record.account,
        dimension: record.dimension,
        hour: record.hour,
        quantity: record.quantity,
        recordedAt: now.toISOString(),
      });
      results.push({ index, outcome: stored ? "accepted" : "duplicate" });
    }
    return results;
  });
}
