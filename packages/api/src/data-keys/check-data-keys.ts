import { findLiveContactSeal, insertDataKeyId, listDataKeyIds } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { UnreadableContactError } from "./contact-cipher";
import type { Keyring } from "./keyring";

export type DataKeyCheck =
  | { ok: true; /** Keys of the ring the data no longer needs: a finished rotation's old key. */ unused: string[] }
  | { ok: false; /** The check values of the keys the data is sealed under that the ring lacks. */ missing: string[] };

/**
 * Whether the server's keys open the existing data, before it serves anything. The database
 * holds the check value of every master key its contacts are sealed under; every one must be in
 * the ring. The primary key's is added (a new key is made only for an empty database, by the
 * caller; a configured one joins here, as a rotation begins). A database from before check values
 * proves the key on one of its contacts.
 */
export async function checkDataKeys(deps: Pick<ApiDeps, "db" | "clock" | "cipher">, keyring: Keyring): Promise<DataKeyCheck> {
  const known = await listDataKeyIds(deps.db);
  if (known.length === 0) {
    const sample = await findLiveContactSeal(deps.db);
    if (sample) {
      try {
        await deps.cipher.open(sample.id, sample.sealed);
      } catch (error) {
        if (error instanceof UnreadableContactError) return { ok: false, missing: ["(the key of the existing contacts)"] };
        throw error;
      }
    }
  }
  const missing = known.filter((id) => !keyring.find(id));
  if (missing.length > 0) return { ok: false, missing };
  if (!known.includes(keyring.primary.id)) await insertDataKeyId(deps.db, keyring.primary.id, deps.clock.now().toISOString());
  return { ok: true, unused: keyring.ids().filter((id) => id !== keyring.primary.id && !known.includes(id)) };
}
