import { deleteDataKeyIdsExcept, isContactDeleted } from "@offerkit/db";
import { readContactKey, wrapContactKey } from "./contact-cipher";
import type { ApiDeps } from "../deps";
import type { ContactKeyStore } from "./key-store";
import type { Keyring } from "./keyring";
import { resealWebhookSecrets } from "./reseal-webhook-secrets";
import { upgradeSealedContacts } from "./upgrade-sealed-contacts";

export interface RotationResult {
  /** Contact keys wrapped again under the primary key. */
  rewrapped: number;
  /** Webhook endpoints whose signing secrets were sealed again under the primary key. */
  webhookSecretsResealed: number;
  /** Contacts whose key, and webhook endpoints whose secret, no key of the ring opens: named, left as they are. */
  unreadable: string[];
  /** Contact key wraps and endpoints' secrets still under another key at the end (a server still seals with an old primary). */
  remaining: number;
  /** True when the data needs only the primary key now; the old keys' check values are gone. */
  finished: boolean;
}

/**
 * Wraps every contact's key again under the ring's primary key, one contact at a time, while
 * servers keep serving: a contact's new wrap is in place before its old one goes, and servers
 * holding both keys open either. Contacts still sealed the old way (under the master key) are
 * moved to keys of their own first; webhook endpoints' signing secrets are sealed again after the
 * contacts. When no wrap or secret under another key remains, the database forgets
 * the old keys' check values, and from then on a server needs the new key only.
 */
export async function rotateDataKey(
  deps: Pick<ApiDeps, "db" | "clock" | "cipher" | "webhookSecrets">,
  keyring: Keyring,
  store: ContactKeyStore,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<RotationResult> {
  await upgradeSealedContacts(deps);
  const primary = keyring.primary;
  const old = (await store.list()).filter((name) => name.keyId !== primary.id);
  const unreadable: string[] = [];
  let rewrapped = 0;
  for (const [index, name] of old.entries()) {
    onProgress(index, old.length);
    let contactKey: Buffer | null;
    try {
      contactKey = await readContactKey({ keyring, store }, name.contactId);
    } catch {
      contactKey = null;
    }
    if (!contactKey) {
      // Deleted meanwhile, or under a key this ring lacks: reported, never guessed at.
      if ((await store.read(name)) !== null) unreadable.push(name.contactId);
      continue;
    }
    await store.write({ contactId: name.contactId, keyId: primary.id }, wrapContactKey(primary, name.contactId, contactKey));
    // A contact deleted while it was wrapped again: its new wrap must not outlive it.
    if (await isContactDeleted(deps.db, name.contactId)) {
      await store.removeAll(name.contactId);
      continue;
    }
    await store.remove(name);
    rewrapped += 1;
  }
  onProgress(old.length, old.length);
  const webhooks = await resealWebhookSecrets(deps, primary.id, "not-primary");
  const remaining = (await store.list()).filter((name) => name.keyId !== primary.id).length + webhooks.remaining;
  const finished = remaining === 0;
  if (finished) await deleteDataKeyIdsExcept(deps.db, primary.id);
  return { rewrapped, webhookSecretsResealed: webhooks.resealed, unreadable: [...new Set(unreadable), ...webhooks.unreadable], remaining, finished };
}
