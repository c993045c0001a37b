import { openBytes, sealBytes } from "./aead";
import type { Keyring } from "./keyring";

/**
 * Seals webhook signing secrets at rest under the master key. The server signs with them, so
 * they cannot be hashed as API keys are; sealed, a copy of the database alone (a backup, a
 * replica, a dump) does not let anyone sign deliveries that a seller's systems would trust.
 */
export interface WebhookSecretCipher {
  /** The secret as the database keeps it: `<data key ID>:<sealed>`, under the primary key. */
  seal(endpointId: string, secret: string): string;
  /** Throws when no key of this server opens it. A secret from before sealing comes back as it is. */
  open(endpointId: string, stored: string): string;
  /** The data key a stored secret is sealed under; null for one from before sealing. */
  keyIdOf(stored: string): string | null;
}

const VERSION = "s1";
/** How the Standard Webhooks secrets start: a stored value that does is not sealed. */
const UNSEALED = "whsec_";

const contextOf = (endpointId: string, keyId: string) => `webhook-secret.${endpointId}.${keyId}`;

export function createWebhookSecretCipher(keyring: Keyring): WebhookSecretCipher {
  const keyIdOf = (stored: string): string | null => {
    const colon = stored.indexOf(":");
    return stored.startsWith(UNSEALED) || colon <= 0 ? null : stored.slice(0, colon);
  };
  return {
    seal(endpointId, secret) {
      const { id, key } = keyring.primary;
      return `${id}:${sealBytes(VERSION, key, contextOf(endpointId, id), Buffer.from(secret, "utf8"))}`;
    },
    open(endpointId, stored) {
      if (stored.startsWith(UNSEALED)) return stored;
      const keyId = keyIdOf(stored);
      const master = keyId === null ? undefined : keyring.find(keyId);
      if (keyId === null || !master) throw new Error(`The signing secret of webhook endpoint ${endpointId} is sealed under a data key this server does not hold`);
      return openBytes(VERSION, master.key, contextOf(endpointId, keyId), stored.slice(keyId.length + 1)).toString("utf8");
    },
    keyIdOf,
  };
}
