import { offerPricingSchema, type AgreementView } from "@offerkit/core";
import type { Kysely, Selectable } from "kysely";
import type { AgreementsTable, Database } from "../schema";

export type AgreementRecord = AgreementView & {
  sellerId: string;
  productId: string;
  createdAt: string;
  /** The marketplace's ID of an agreement made there; absent or null for one made on this server. */
  marketplaceAgreementId?: string | null;
};

function toRecord(row: Selectable<AgreementsTable>): AgreementRecord {
  return {
    id: row.id,
    offerId: row.offer_id,
    sellerId: row.seller_id,
    productId: row.product_id,
    buyerAccount: row.buyer_account,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    pricing: offerPricingSchema.parse(JSON.parse(row.pricing)),
    createdAt: row.created_at,
    marketplaceAgreementId: row.marketplace_agreement_id,
  };
}

/**
 * Inserts an agreement; the unique (offer, buyer) pair makes a second acceptance fail, never
 * duplicate, and so does a marketplace agreement ID already recorded.
 */
export async function insertAgreement(db: Kysely<Database>, agreement: AgreementRecord): Promise<void> {
  await db
    .insertInto("agreements")
    .values({
      id: agreement.id,
      offer_id: agreement.offerId,
      seller_id: agreement.sellerId,
      product_id: agreement.productId,
      buyer_account: agreement.buyerAccount,
      starts_at: agreement.startsAt,
      ends_at: agreement.endsAt,
      pricing: JSON.stringify(agreement.pricing),
      created_at: agreement.createdAt,
      marketplace_agreement_id: agreement.marketplaceAgreementId ?? null,
    })
    .execute();
}

export async function findAgreement(db: Kysely<Database>, offerId: string, buyerAccount: string): Promise<AgreementRecord | null> {
  const row = await db
    .selectFrom("agreements")
    .selectAll()
    .where("offer_id", "=", offerId)
    .where("buyer_account", "=", buyerAccount)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function listAgreementsForOffer(db: Kysely<Database>, offerId: string): Promise<AgreementRecord[]> {
  const rows = await db.selectFrom("agreements").selectAll().where("offer_id", "=", offerId).orderBy("created_at").execute();
  return rows.map(toRecord);
}
