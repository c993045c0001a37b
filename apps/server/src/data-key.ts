import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createFileKeyStore, createKeyring, type ContactKeyStore, type Keyring } from "@offerkit/api";
import type { StoreConfig } from "./config";
import { checkedBeforeServing, s3StoreOptions } from "./s3-location";

export interface DataKeySettings {
  dataKey: string | undefined;
  previousDataKey: string | undefined;
  dataDir: string;
  contactKeyStore: StoreConfig;
}

/** The contacts' key store the settings name, where it is (for messages), and how to let it go. */
export interface OpenedKeyStore {
  store: ContactKeyStore;
  location: string;
  close(): void;
}

/**
 * The folder in the data folder, or the bucket of `OFFERKIT_CONTACT_KEY_STORE`, checked before
 * the server serves: a bucket that does not answer stops the start, naming the setting.
 */
export async function openContactKeyStore(settings: Pick<DataKeySettings, "dataDir" | "contactKeyStore">): Promise<OpenedKeyStore> {
  const config = settings.contactKeyStore;
  if (config.kind === "files") {
    const dir = contactKeyDir(settings.dataDir);
    return { store: createFileKeyStore(dir), location: dir, close: () => undefined };
  }
  // The AWS SDK is loaded only when a bucket is configured.
  const { createS3KeyStore } = await import("@offerkit/api/s3-key-store");
  const store = await checkedBeforeServing(createS3KeyStore(s3StoreOptions(config)), (reason) => `Invalid setting OFFERKIT_CONTACT_KEY_STORE: ${reason}`);
  return { store, location: store.location, close: () => store.close() };
}

/** Where the contacts' own keys are kept: in the data folder, never in the database. */
export function contactKeyDir(dataDir: string): string {
  return join(dataDir, "contact-keys");
}

function isTaken(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "EEXIST";
}

/**
 * The master keys: OFFERKIT_DATA_KEY (and, during a rotation, OFFERKIT_PREVIOUS_DATA_KEY), or on
 * the embedded default a key file in the data folder, readable by its owner only. The file is
 * made only when `dataIsEmpty`: a missing key for existing data stops the start, since a new key
 * would leave every contact unreadable.
 */
export function loadKeyring(settings: DataKeySettings, dataIsEmpty: boolean): Keyring {
  const previous = settings.previousDataKey ? [Buffer.from(settings.previousDataKey, "base64")] : [];
  if (settings.dataKey) return createKeyring(Buffer.from(settings.dataKey, "base64"), previous);
  const path = join(settings.dataDir, "data.key");
  if (!existsSync(path)) {
    if (!dataIsEmpty) {
      throw new Error(
        `Missing data key: ${path} does not exist and OFFERKIT_DATA_KEY is not set, but the database holds support contacts sealed under a data key. Restore that file, or set OFFERKIT_DATA_KEY to the key; a new key would leave every contact unreadable.`,
      );
    }
    mkdirSync(settings.dataDir, { recursive: true });
    try {
      writeFileSync(path, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process made it first: use theirs.
      if (!isTaken(error)) throw error;
    }
  }
  chmodSync(path, 0o600);
  const key = Buffer.from(readFileSync(path, "utf8").trim(), "base64");
  if (key.byteLength !== 32) throw new Error(`The key file ${path} does not hold a 32-byte base64 key`);
  return createKeyring(key, previous);
}

/** The one line a start refused for its keys says: which setting, and what to do. */
export function wrongKeyMessage(settings: DataKeySettings, missing: readonly string[]): string {
  const source = settings.dataKey ? "OFFERKIT_DATA_KEY" : `OFFERKIT_DATA_KEY (unset: the key file ${join(settings.dataDir, "data.key")})`;
  return `Invalid setting ${source}: it does not open the existing data (support contacts are sealed under data key ${missing.join(", ")}). Set OFFERKIT_DATA_KEY to the key the data was sealed with (during a key rotation, the new key, with the old one in OFFERKIT_PREVIOUS_DATA_KEY); a new key is made only for an empty database.`;
}
