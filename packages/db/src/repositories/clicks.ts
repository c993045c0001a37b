import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";

export interface ClickRecord {
  sellerId: string;
  productId: string;
  asin: string;
  refTag: string;
  sessionKey: string;
  day: string;
  clickedAt: string;
}

/**
 * Writes a batch of clicks in one transaction. A repeat of a visitor's click on the same day,
 * tag and product is ignored by the primary key; returns how many were new.
 */
export async function insertClicks(db: Kysely<Database>, clicks: readonly ClickRecord[]): Promise<number> {
  if (clicks.length === 0) return 0;
  let inserted = 0;
  await db.transaction().execute(async (trx) => {
    // SQLite allows at most 32766 bound values per statement: 7 per row, so 500 rows a statement.
    for (let start = 0; start < clicks.length; start += 500) {
      const result = await trx
        .insertInto("clicks")
        .values(
          clicks.slice(start, start + 500).map((click) => ({
            seller_id: click.sellerId,
            product_id: click.productId,
            asin: click.asin,
            ref_tag: click.refTag,
            session_key: click.sessionKey,
            day: click.day,
            clicked_at: click.clickedAt,
          })),
        )
        .onConflict((conflict) => conflict.columns(["day", "asin", "ref_tag", "session_key"]).doNothing())
        .executeTakeFirst();
      inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
  });
  return inserted;
}

/** The visitor's latest click on the product at or after `since`: what a conversion is credited to. */
export async function findLatestClick(
  db: Kysely<Database>,
  { sellerId, asin, sessionKey, since }: { sellerId: string; asin: string; sessionKey: string; since: string },
): Promise<ClickRecord | null> {
  const row = await db
    .selectFrom("clicks")
    .selectAll()
    .where("session_key", "=", sessionKey)
    .where("asin", "=", asin)
    .where("seller_id", "=", sellerId)
    .where("clicked_at", ">=", since)
    .orderBy("clicked_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        sellerId: row.seller_id,
        productId: row.product_id,
        asin: row.asin,
        refTag: row.ref_tag,
        sessionKey: row.session_key,
        day: row.day,
        clickedAt: row.clicked_at,
      }
    : null;
}

/** The day's salt for hashing visitors without a cookie; made once per day, shared by every server. */
export async function dailySalt(db: Kysely<Database>, day: string, fresh: string): Promise<string> {
  await db
    .insertInto("daily_salts")
    .values({ day, salt: fresh })
    .onConflict((conflict) => conflict.column("day").doNothing())
    .execute();
  const row = await db.selectFrom("daily_salts").select("salt").where("day", "=", day).executeTakeFirstOrThrow();
  return row.salt;
}

/** Forgets salts older than `before`: yesterday's hashes can then never be recomputed. */
export async function deleteSaltsBefore(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom("daily_salts").where("day", "<", before).execute();
}

export const countClicks = async (db: Kysely<Database>, sellerId: string): Promise<number> =>
  Number((await db.selectFrom("clicks").select(sql<string | number>`count(*)`.as("n")).where("seller_id", "=", sellerId).executeTakeFirstOrThrow()).n);
