import { listDeletedContactIds } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import type { ContactKeyStore } from "./key-store";

/**
 * Removes the keys of contacts already deleted: a deletion removes its key once the database
 * has committed it, and this finishes one that a crash cut short. Keys of contacts not in the
 * database yet (a share in flight) are left alone.
 */
export async function destroyKeysOfDeletedContacts(deps: Pick<ApiDeps, "db">, store: ContactKeyStore): Promise<number> {
  const ids = [...new Set((await store.list()).map((name) => name.contactId))];
  const deleted = await listDeletedContactIds(deps.db, ids);
  for (const id of deleted) await store.removeAll(id);
  return deleted.length;
}
