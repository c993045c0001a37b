import { createHmac } from "node:crypto";

/** A master key: it wraps the contacts' own keys. Its ID is a check value only the key can make. */
export interface MasterKey {
  id: string;
  key: Buffer;
}

/** The master keys a server holds: new contact keys are wrapped under the primary; the others still open. */
export interface Keyring {
  primary: MasterKey;
  find(id: string): MasterKey | undefined;
  ids(): string[];
}

/**
 * A key's check value: an HMAC of a fixed text under the key. The database keeps it, so a server
 * can tell at start whether its key opens the data, without the key being stored anywhere.
 */
export function dataKeyId(key: Uint8Array): string {
  return createHmac("sha256", key).update("offerkit data key check v1").digest("base64url").slice(0, 22);
}

function masterKey(key: Uint8Array): MasterKey {
  if (key.byteLength !== 32) throw new Error("A data key is 32 bytes (AES-256)");
  return { id: dataKeyId(key), key: Buffer.from(key) };
}

/** The primary key first, then the keys still accepted while a rotation runs. */
export function createKeyring(primary: Uint8Array, previous: readonly Uint8Array[] = []): Keyring {
  const first = masterKey(primary);
  const all = new Map([first, ...previous.map(masterKey)].map((key) => [key.id, key]));
  return { primary: first, find: (id) => all.get(id), ids: () => [...all.keys()] };
}
