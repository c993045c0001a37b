import { randomBytes } from "node:crypto";
import type { ContactDetails } from "@offerkit/core";
import { openBytes, sealBytes } from "./aead";
import type { ContactKeyStore } from "./key-store";
import type { Keyring } from "./keyring";
import { storedContactSchema } from "./stored-contact";

/**
 * Seals personal data at rest, each contact under its own key (crypto-shredding): the contact's
 * fields with AES-256-GCM under a random key of its own, that key wrapped under the master key
 * and kept in the key store, never in the database. Destroying the wrapped key makes every copy
 * of the contact unreadable: old row versions, log frames, dead tuples, backups.
 */
export interface ContactCipher {
  /** Seals under the contact's key, made on its first seal. */
  seal(contactId: string, details: ContactDetails): Promise<string>;
  /** Throws `UnreadableContactError` when the contact's key is gone or does not open it. */
  open(contactId: string, sealed: string): Promise<ContactDetails>;
  /** Destroys the contact's key: whatever sealed copy of it remains can never be opened. */
  destroy(contactId: string): Promise<void>;
}

/** A contact that cannot be opened: its key is lost, or under a master key this server lacks. */
export class UnreadableContactError extends Error {
  readonly contactId: string;

  constructor(contactId: string, reason: string) {
    super(`Contact ${contactId} cannot be read: ${reason}`);
    this.name = "UnreadableContactError";
    this.contactId = contactId;
  }
}

const CONTENT = "v2";
const WRAP = "w1";
/** Before each contact had its own key, contacts were sealed under the master key itself. */
const LEGACY = "v1";

export interface ContactCipherOptions {
  keyring: Keyring;
  store: ContactKeyStore;
  /** Told of each contact that cannot be opened (the server logs it; no personal data is in it). */
  onUnreadable?: (error: UnreadableContactError) => void;
}

/** Unwraps a contact's key with the first master key of the ring that has a wrap of it. */
export async function readContactKey({ keyring, store }: ContactCipherOptions, contactId: string): Promise<Buffer | null> {
  for (const keyId of keyring.ids()) {
    const wrapped = await store.read({ contactId, keyId });
    const master = keyring.find(keyId);
    if (wrapped !== null && master) return openBytes(WRAP, master.key, `${contactId}.${keyId}`, wrapped);
  }
  return null;
}

/** A contact's key wrapped under a master key, bound to both. */
export function wrapContactKey(master: { id: string; key: Uint8Array }, contactId: string, contactKey: Uint8Array): string {
  return sealBytes(WRAP, master.key, `${contactId}.${master.id}`, contactKey);
}

export function createContactCipher(options: ContactCipherOptions): ContactCipher {
  const { keyring, store } = options;
  const keyFor = async (contactId: string): Promise<Buffer> => {
    const found = await readContactKey(options, contactId);
    if (found) return found;
    const made = randomBytes(32);
    await store.write({ contactId, keyId: keyring.primary.id }, wrapContactKey(keyring.primary, contactId, made));
    // Two seals of a new contact at once: the first wrap written is the contact's key.
    const kept = await readContactKey(options, contactId);
    if (!kept) throw new UnreadableContactError(contactId, "its key was removed while it was sealed");
    return kept;
  };
  const openLegacy = (contactId: string, sealed: string): Buffer => {
    for (const keyId of keyring.ids()) {
      const master = keyring.find(keyId);
      try {
        if (master) return openBytes(LEGACY, master.key, contactId, sealed);
      } catch {
        // Sealed under another master key of the ring: try the next.
      }
    }
    throw new UnreadableContactError(contactId, "no data key of this server opens it");
  };
  const unreadable = (error: UnreadableContactError): UnreadableContactError => {
    options.onUnreadable?.(error);
    return error;
  };
  return {
    async seal(contactId, details) {
      return sealBytes(CONTENT, await keyFor(contactId), contactId, Buffer.from(JSON.stringify(details), "utf8"));
    },
    async open(contactId, sealed) {
      let plain: Buffer;
      try {
        if (sealed.startsWith(`${LEGACY}.`)) plain = openLegacy(contactId, sealed);
        else {
          const key = await readContactKey(options, contactId);
          if (!key) throw new UnreadableContactError(contactId, "its key is not in the key store under any data key of this server");
          plain = openBytes(CONTENT, key, contactId, sealed);
        }
      } catch (error) {
        throw unreadable(error instanceof UnreadableContactError ? error : new UnreadableContactError(contactId, "its key does not open it"));
      }
      return storedContactSchema.parse(JSON.parse(plain.toString("utf8")));
    },
    destroy: (contactId) => store.removeAll(contactId),
  };
}
