import type { Kysely } from "kysely";
import type { Database } from "../schema";

/** The check values of the master keys the data is sealed under. */
export async function listDataKeyIds(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom("data_keys").select("key_id").orderBy("created_at").execute()).map((row) => row.key_id);
}

export async function insertDataKeyId(db: Kysely<Database>, keyId: string, at: string): Promise<void> {
  await db
    .insertInto("data_keys")
    .values({ key_id: keyId, created_at: at })
    .onConflict((oc) => oc.column("key_id").doNothing())
    .execute();
}

/** Forgets every key but `keyId`: once a rotation has wrapped every contact's key under it. */
export async function deleteDataKeyIdsExcept(db: Kysely<Database>, keyId: string): Promise<void> {
  await db.deleteFrom("data_keys").where("key_id", "<>", keyId).execute();
}
