import type { ContactDetails } from "@offerkit/core";
import { listLegacySealedContacts, replaceContactSeal } from "@offerkit/db";
import { UnreadableContactError } from "./contact-cipher";
import type { ApiDeps } from "../deps";

/**
 * Moves contacts sealed under the master key itself (before each contact had a key of its own)
 * to keys of their own, so that deleting them is final too. Run at start, before serving;
 * a contact changed meanwhile keeps its newer seal. One no key opens stays as it is, and is
 * reported by the feed like any unreadable contact. Returns how many moved.
 */
export async function upgradeSealedContacts(deps: Pick<ApiDeps, "db" | "cipher">): Promise<number> {
  let moved = 0;
  for (const contact of await listLegacySealedContacts(deps.db)) {
    let details: ContactDetails;
    try {
      details = await deps.cipher.open(contact.id, contact.sealed);
    } catch (error) {
      if (error instanceof UnreadableContactError) continue;
      throw error;
    }
    const sealed = await deps.cipher.seal(contact.id, details);
    if (await replaceContactSeal(deps.db, contact.id, contact.sealed, sealed)) moved += 1;
  }
  return moved;
}
