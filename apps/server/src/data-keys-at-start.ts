import {
  checkDataKeys,
  createContactCipher,
  createWebhookSecretCipher,
  destroyKeysOfDeletedContacts,
  resealWebhookSecrets,
  upgradeSealedContacts,
  type Clock,
  type ContactCipher,
  type ContactKeyStore,
  type Keyring,
  type UnreadableContactError,
  type WebhookSecretCipher,
} from "@offerkit/api";
import { findLiveContactSeal, hasContacts, listDataKeyIds, type Database, type Kysely } from "@offerkit/db";
import { loadKeyring, openContactKeyStore, wrongKeyMessage, type DataKeySettings } from "./data-key";

export interface DataKeys {
  keyring: Keyring;
  store: ContactKeyStore;
  cipher: ContactCipher;
  webhookSecrets: WebhookSecretCipher;
  /** Lets the key store's connections go (a bucket's); nothing for files. */
  close(): void;
}

/**
 * Before the server serves: loads the master keys, refuses to start when they do not open the
 * existing data (a new key only for an empty database), moves contacts sealed the old way to keys
 * of their own, seals webhook secrets kept from before they were sealed, and removes keys that a
 * deletion cut short left behind.
 */
export async function prepareDataKeys(
  settings: DataKeySettings,
  deps: { db: Kysely<Database>; clock: Clock },
  log: { warn(message: string): void; unreadable(error: UnreadableContactError): void },
): Promise<DataKeys> {
  const dataIsEmpty = (await listDataKeyIds(deps.db)).length === 0 && !(await hasContacts(deps.db));
  const keyring = loadKeyring(settings, dataIsEmpty);
  const opened = await openContactKeyStore(settings);
  try {
    const { store } = opened;
    const cipher = createContactCipher({ keyring, store, onUnreadable: log.unreadable });
    const check = await checkDataKeys({ db: deps.db, clock: deps.clock, cipher }, keyring);
    if (!check.ok) throw new Error(wrongKeyMessage(settings, check.missing));
    const live = await findLiveContactSeal(deps.db);
    if (live && !live.sealed.startsWith("v1.") && (await store.list()).length === 0) {
      const where = settings.contactKeyStore.kind === "files" ? "Restore that folder (OFFERKIT_DATA_DIR)" : "Restore those objects (OFFERKIT_CONTACT_KEY_STORE)";
      throw new Error(
        `Missing contact keys: ${opened.location} holds no key, but the database holds support contacts. ${where} from where the server kept them; without them no contact can be read.`,
      );
    }
    if (check.unused.length > 0) log.warn("OFFERKIT_PREVIOUS_DATA_KEY is no longer needed: the key rotation has finished; remove it");
    await upgradeSealedContacts({ db: deps.db, cipher });
    const webhookSecrets = createWebhookSecretCipher(keyring);
    await resealWebhookSecrets({ db: deps.db, webhookSecrets }, keyring.primary.id, "unsealed");
    await destroyKeysOfDeletedContacts({ db: deps.db }, store);
    return { keyring, store, cipher, webhookSecrets, close: opened.close };
  } catch (error) {
    opened.close();
    throw error;
  }
}
