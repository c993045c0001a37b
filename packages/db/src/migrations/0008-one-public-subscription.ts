import { sql, type Kysely } from "kysely";

/**
 * An account holds one active public subscription to a product, except on hourly + annual
 * products, where each purchase adds annual subscriptions. Subscribing again answers with the
 * one held; this index settles two requests that arrive together. Copies that such requests
 * made before it are cancelled where they began, which leaves the first of each untouched.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    update subscriptions set status = 'cancelled', cancelled_at = starts_at, ends_at = starts_at
    where status = 'active' and visibility = 'public' and pricing_model <> 'hourly_annual'
      and exists (
        select 1 from subscriptions earlier
        where earlier.seller_id = subscriptions.seller_id and earlier.buyer_account = subscriptions.buyer_account
          and earlier.product_id = subscriptions.product_id and earlier.status = 'active' and earlier.visibility = 'public'
          and earlier.pricing_model <> 'hourly_annual'
          and (earlier.starts_at < subscriptions.starts_at or (earlier.starts_at = subscriptions.starts_at and earlier.id < subscriptions.id))
      )
  `.execute(db);
  await sql`
    create unique index subscriptions_one_public on subscriptions (seller_id, buyer_account, product_id)
    where status = 'active' and visibility = 'public' and pricing_model <> 'hourly_annual'
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("subscriptions_one_public").execute();
}
