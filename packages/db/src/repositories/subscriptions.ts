import { offerPricingSchema, type OfferPricing } from "@offerkit/core";
import type { Kysely, Selectable } from "kysely";
import { isSaasModel, saasCustomerIdentifier } from "../saas-customer-identifier";
import type { Database, SubscriptionsTable } from "../schema";

export interface SubscriptionRecord {
  id: string;
  sellerId: string;
  productId: string;
  buyerAccount: string;
  pricingModel: string;
  pricing: OfferPricing | null;
  quantity: number;
  offerId: string | null;
  visibility: "private" | "public";
  status: "active" | "cancelled";
  startsAt: string;
  endsAt: string | null;
  cancelledAt: string | null;
  /** SaaS models: set on insert from the product and account; null otherwise. */
  customerIdentifier?: string | null;
}

function toRecord(row: Selectable<SubscriptionsTable>): SubscriptionRecord {
  return {
    id: row.id,
    sellerId: row.seller_id,
    productId: row.product_id,
    buyerAccount: row.buyer_account,
    pricingModel: row.pricing_model,
    pricing: row.pricing === null ? null : offerPricingSchema.parse(JSON.parse(row.pricing)),
    quantity: Number(row.quantity),
    offerId: row.offer_id,
    visibility: row.visibility,
    status: row.status,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    cancelledAt: row.cancelled_at,
    customerIdentifier: row.customer_identifier,
  };
}

export async function insertSubscription(db: Kysely<Database>, subscription: SubscriptionRecord): Promise<void> {
  await db
    .insertInto("subscriptions")
    .values({
      id: subscription.id,
      seller_id: subscription.sellerId,
      product_id: subscription.productId,
      buyer_account: subscription.buyerAccount,
      pricing_model: subscription.pricingModel,
      pricing: subscription.pricing === null ? null : JSON.stringify(subscription.pricing),
      quantity: subscription.quantity,
      offer_id: subscription.offerId,
      visibility: subscription.visibility,
      status: subscription.status,
      starts_at: subscription.startsAt,
      ends_at: subscription.endsAt,
      cancelled_at: subscription.cancelledAt,
      // Set only where there is one: tests of older migrations insert into tables without the column.
      ...(isSaasModel(subscription.pricingModel) ? { customer_identifier: saasCustomerIdentifier(subscription.productId, subscription.buyerAccount) } : {}),
    })
    .execute();
}

/** The account a SaaS customer identifier names among this seller's subscriptions, or null. */
export async function findAccountOfSaasCustomer(db: Kysely<Database>, sellerId: string, customerIdentifier: string): Promise<string | null> {
  const row = await db
    .selectFrom("subscriptions")
    .select("buyer_account")
    .where("seller_id", "=", sellerId)
    .where("customer_identifier", "=", customerIdentifier)
    .limit(1)
    .executeTakeFirst();
  return row?.buyer_account ?? null;
}

/** The account's subscriptions to this seller's products, oldest first. */
export async function listSubscriptionsOfAccount(db: Kysely<Database>, sellerId: string, account: string): Promise<SubscriptionRecord[]> {
  const rows = await db
    .selectFrom("subscriptions")
    .selectAll()
    .where("seller_id", "=", sellerId)
    .where("buyer_account", "=", account)
    .orderBy("starts_at")
    .orderBy("id")
    .execute();
  return rows.map(toRecord);
}

/** A subscription of this account with this seller; anyone else's is not found. */
export async function findSubscriptionOfAccount(
  db: Kysely<Database>,
  sellerId: string,
  account: string,
  id: string,
): Promise<SubscriptionRecord | null> {
  const row = await db
    .selectFrom("subscriptions")
    .selectAll()
    .where("id", "=", id)
    .where("seller_id", "=", sellerId)
    .where("buyer_account", "=", account)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** One of the seller's subscriptions, whoever holds it; another seller's is not found. */
export async function findSellerSubscription(db: Kysely<Database>, sellerId: string, id: string): Promise<SubscriptionRecord | null> {
  const row = await db.selectFrom("subscriptions").selectAll().where("id", "=", id).where("seller_id", "=", sellerId).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** Whether the account held a subscription to the product at some time between `from` and `to`. */
export async function hasSubscriptionDuring(db: Kysely<Database>, productId: string, account: string, from: string, to: string): Promise<boolean> {
  const row = await db
    .selectFrom("subscriptions")
    .select("id")
    .where("product_id", "=", productId)
    .where("buyer_account", "=", account)
    .where("starts_at", "<", to)
    .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", from)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Cancels an active subscription at `at`; false when it is not active any more. */
export async function cancelSubscription(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("subscriptions")
    .set({ status: "cancelled", cancelled_at: at, ends_at: at })
    .where("id", "=", id)
    .where("status", "=", "active")
    .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", at)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Ends an active subscription at `at`, sooner than planned (its agreement ran out or was carried
 * into another); false when it is not active any more or already ended by then.
 */
export async function endSubscription(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("subscriptions")
    .set({ ends_at: at })
    .where("id", "=", id)
    .where("status", "=", "active")
    .where((eb) => eb.or([eb("ends_at", "is", null), eb("ends_at", ">", at)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
