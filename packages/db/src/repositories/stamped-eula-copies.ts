import type { Kysely, Selectable } from "kysely";
import type { Database, StampedEulaCopiesTable } from "../schema";

/** A buyer's copy of a sent offer's EULA, stamped with a footer naming the offer and the account. */
export interface StampedEulaCopyRecord {
  offerId: string;
  buyerAccount: string;
  sellerId: string;
  /** The offer's EULA, which the copy was made from. */
  originalSha256: string;
  /** The copy's own address in the blob store. */
  sha256: string;
  size: number;
  /** The line stamped on every page. */
  footer: string;
  createdAt: string;
}

function toRecord(row: Selectable<StampedEulaCopiesTable>): StampedEulaCopyRecord {
  return {
    offerId: row.offer_id,
    buyerAccount: row.buyer_account,
    sellerId: row.seller_id,
    originalSha256: row.original_sha256,
    sha256: row.sha256,
    size: Number(row.size),
    footer: row.footer,
    createdAt: row.created_at,
  };
}

/**
 * Records a copy unless the offer and account have one already, and answers the one recorded:
 * of two made together, both callers get the first written.
 */
export async function recordStampedEulaCopy(db: Kysely<Database>, copy: StampedEulaCopyRecord): Promise<StampedEulaCopyRecord> {
  await db
    .insertInto("stamped_eula_copies")
    .values({
      offer_id: copy.offerId,
      buyer_account: copy.buyerAccount,
      seller_id: copy.sellerId,
      original_sha256: copy.originalSha256,
      sha256: copy.sha256,
      size: copy.size,
      footer: copy.footer,
      created_at: copy.createdAt,
    })
    .onConflict((conflict) => conflict.columns(["offer_id", "buyer_account"]).doNothing())
    .execute();
  const stored = await findStampedEulaCopy(db, copy.sellerId, copy.offerId, copy.buyerAccount);
  if (stored === null) throw new Error(`The EULA copy of offer ${copy.offerId} for ${copy.buyerAccount} was not recorded`);
  return stored;
}

/** The copy made for this offer and account; another seller's is not found. */
export async function findStampedEulaCopy(
  db: Kysely<Database>,
  sellerId: string,
  offerId: string,
  buyerAccount: string,
): Promise<StampedEulaCopyRecord | null> {
  const row = await db
    .selectFrom("stamped_eula_copies")
    .selectAll()
    .where("offer_id", "=", offerId)
    .where("buyer_account", "=", buyerAccount)
    .where("seller_id", "=", sellerId)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}
