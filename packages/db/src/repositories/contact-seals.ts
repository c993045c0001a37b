import type { Kysely } from "kysely";
import type { Database } from "../schema";

/** What the data key checks and rotations read of contacts: IDs and seals, never their data. */
export interface ContactSeal {
  id: string;
  sealed: string;
}

/** One live contact, to prove a key on (any will do). */
export async function findLiveContactSeal(db: Kysely<Database>): Promise<ContactSeal | null> {
  const row = await db.selectFrom("contacts").select(["id", "sealed"]).where("sealed", "is not", null).orderBy("created_at").limit(1).executeTakeFirst();
  return row?.sealed ? { id: row.id, sealed: row.sealed } : null;
}

/** Whether any contact was ever shared here, deleted or not. */
export async function hasContacts(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom("contacts").select("id").limit(1).executeTakeFirst()) !== undefined;
}

/** Live contacts still sealed under the master key itself (`v1.`), from before contacts had keys of their own. */
export async function listLegacySealedContacts(db: Kysely<Database>): Promise<ContactSeal[]> {
  const rows = await db.selectFrom("contacts").select(["id", "sealed"]).where("sealed", "like", "v1.%").orderBy("id").execute();
  return rows.flatMap((row) => (row.sealed ? [{ id: row.id, sealed: row.sealed }] : []));
}

/** Replaces a contact's seal only if it is still `previous`: a newer edit is kept. */
export async function replaceContactSeal(db: Kysely<Database>, id: string, previous: string, sealed: string): Promise<boolean> {
  const result = await db.updateTable("contacts").set({ sealed }).where("id", "=", id).where("sealed", "=", previous).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function isContactDeleted(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom("contacts").select("deleted_at").where("id", "=", id).executeTakeFirst();
  return row?.deleted_at != null;
}

/** Which of these contacts are deleted; IDs not in the database are not. */
export async function listDeletedContactIds(db: Kysely<Database>, ids: readonly string[]): Promise<string[]> {
  const deleted: string[] = [];
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const rows = await db.selectFrom("contacts").select("id").where("id", "in", chunk).where("deleted_at", "is not", null).execute();
    deleted.push(...rows.map((row) => row.id));
  }
  return deleted;
}
