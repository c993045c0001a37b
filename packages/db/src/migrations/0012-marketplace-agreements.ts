import { sql, type Kysely } from "kysely";

/**
 * Agreements buyers make on the live marketplace are recorded like local acceptances: an
 * `agreements` row and its subscription. Each carries the marketplace's agreement ID, recorded
 * once: the unique index settles two followers that find the same agreement together. Whether
 * it still runs is its subscription's status, as for a local acceptance.
 *
 * The follower used to stop at the first agreement it found and made neither row; publications
 * it stopped that way are due again, so it records their agreements now.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("agreements").addColumn("marketplace_agreement_id", "text").execute();
  await sql`
    create unique index agreements_marketplace_id on agreements (marketplace_agreement_id)
    where marketplace_agreement_id is not null
  `.execute(db);
  // An agreement's subscription is found by its offer and account.
  await sql`create index subscriptions_offer_account on subscriptions (offer_id, buyer_account) where offer_id is not null`.execute(db);
  await sql`
    update offer_publications set next_check_at = updated_at
    where state = 'published' and marketplace_offer_id is not null and agreement_id is not null and next_check_at is null
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("subscriptions_offer_account").execute();
  await db.schema.dropIndex("agreements_marketplace_id").execute();
  await db.schema.alterTable("agreements").dropColumn("marketplace_agreement_id").execute();
}
