import type { Kysely } from "kysely";
import { isSaasModel, saasCustomerIdentifier } from "../saas-customer-identifier";

/**
 * SaaS customer identifiers on subscriptions, so support finds a SaaS customer by the identifier
 * its metering uses; support lookups record which identifier they were made by.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("subscriptions").addColumn("customer_identifier", "text").execute();
  await db.schema.createIndex("subscriptions_seller_customer").on("subscriptions").columns(["seller_id", "customer_identifier"]).execute();
  await db.schema.alterTable("support_lookups").addColumn("customer_identifier", "text").execute();
  const typed = db as Kysely<{ subscriptions: { id: string; product_id: string; buyer_account: string; pricing_model: string; customer_identifier: string | null } }>;
  const rows = await typed.selectFrom("subscriptions").select(["id", "product_id", "buyer_account", "pricing_model"]).execute();
  for (const row of rows.filter((candidate) => isSaasModel(candidate.pricing_model))) {
    await typed
      .updateTable("subscriptions")
      .set({ customer_identifier: saasCustomerIdentifier(row.product_id, row.buyer_account) })
      .where("id", "=", row.id)
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("support_lookups").dropColumn("customer_identifier").execute();
  await db.schema.dropIndex("subscriptions_seller_customer").execute();
  await db.schema.alterTable("subscriptions").dropColumn("customer_identifier").execute();
}
