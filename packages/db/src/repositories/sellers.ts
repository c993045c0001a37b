import type { Kysely } from "kysely";
import type { Database } from "../schema";

export interface SellerRecord {
  id: string;
  name: string;
  dataSharingEnrolled: boolean;
  createdAt: string;
}

export async function insertSeller(db: Kysely<Database>, seller: SellerRecord): Promise<void> {
  await db
    .insertInto("sellers")
    .values({
      id: seller.id,
      name: seller.name,
      data_sharing_enrolled: seller.dataSharingEnrolled ? 1 : 0,
      created_at: seller.createdAt,
    })
    .execute();
}

export async function findSeller(db: Kysely<Database>, id: string): Promise<SellerRecord | null> {
  const row = await db.selectFrom("sellers").selectAll().where("id", "=", id).executeTakeFirst();
  return row
    ? { id: row.id, name: row.name, dataSharingEnrolled: Number(row.data_sharing_enrolled) === 1, createdAt: row.created_at }
    : null;
}

export async function setDataSharingEnrolled(db: Kysely<Database>, id: string, enrolled: boolean): Promise<void> {
  await db.updateTable("sellers").set({ data_sharing_enrolled: enrolled ? 1 : 0 }).where("id", "=", id).execute();
}

export async function anySellerExists(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom("sellers").select("id").limit(1).executeTakeFirst()) !== undefined;
}

/** A seller as an operator lists it: with how many keys still work. */
export interface SellerSummary extends SellerRecord {
  activeKeys: number;
}

export async function listSellers(db: Kysely<Database>): Promise<SellerSummary[]> {
  const rows = await db
    .selectFrom("sellers")
    .leftJoin("api_keys", (join) => join.onRef("api_keys.seller_id", "=", "sellers.id").on("api_keys.revoked_at", "is", null))
    .select(["sellers.id", "sellers.name", "sellers.data_sharing_enrolled", "sellers.created_at"])
    .select((eb) => eb.fn.count<number | string | bigint>("api_keys.id").as("active_keys"))
    .groupBy(["sellers.id", "sellers.name", "sellers.data_sharing_enrolled", "sellers.created_at"])
    .orderBy("sellers.created_at", "asc")
    .orderBy("sellers.id", "asc")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    dataSharingEnrolled: Number(row.data_sharing_enrolled) === 1,
    createdAt: row.created_at,
    activeKeys: Number(row.active_keys),
  }));
}
