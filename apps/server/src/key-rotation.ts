import { checkDataKeys, createContactCipher, createKeyring, createWebhookSecretCipher, rotateDataKey, systemClock, type RotationResult } from "@offerkit/api";
import { openDatabase } from "@offerkit/db";
import type { ServerConfig } from "./config";
import { openContactKeyStore, wrongKeyMessage } from "./data-key";

/**
 * `rotate-data-key`: with the same settings as the servers (OFFERKIT_DATA_KEY the new key,
 * OFFERKIT_PREVIOUS_DATA_KEY the old one), wraps every contact's key and seals every webhook
 * signing secret again under the new key while the servers keep serving, then lets the database forget the old key. Says what it did in
 * one line, or why it could not finish.
 */
export async function runKeyRotation(config: ServerConfig, progress: (line: string) => void = () => {}): Promise<RotationResult & { summary: string }> {
  if (!config.dataKey || !config.previousDataKey) {
    throw new Error(
      "Nothing to rotate to: set OFFERKIT_DATA_KEY to the new key and OFFERKIT_PREVIOUS_DATA_KEY to the old one (as on every server, restarted with both), then run this again",
    );
  }
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const opened = await openContactKeyStore(config).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  try {
    const keyring = createKeyring(Buffer.from(config.dataKey, "base64"), [Buffer.from(config.previousDataKey, "base64")]);
    const { store } = opened;
    const deps = { db: database.db, clock: systemClock, cipher: createContactCipher({ keyring, store }), webhookSecrets: createWebhookSecretCipher(keyring) };
    const check = await checkDataKeys(deps, keyring);
    if (!check.ok) throw new Error(wrongKeyMessage(config, check.missing));
    const result = await rotateDataKey(deps, keyring, store, (done, total) => {
      if (done % 100 === 0 || done === total) progress(`${done} of ${total} contact keys`);
    });
    const unreadable = result.unreadable.length > 0 ? ` ${result.unreadable.length} could not be read and were left as they are: ${result.unreadable.join(", ")}.` : "";
    const summary = result.finished
      ? `Rotated ${result.rewrapped} contact keys and ${result.webhookSecretsResealed} webhook endpoints' secrets to data key ${keyring.primary.id}.${unreadable} The old key opens nothing now: remove OFFERKIT_PREVIOUS_DATA_KEY from every server.`
      : `Rotated ${result.rewrapped} contact keys and ${result.webhookSecretsResealed} webhook endpoints' secrets; ${result.remaining} are still under the old key, as a server still seals with it.${unreadable} Give every server the new key in OFFERKIT_DATA_KEY and run this again.`;
    return { ...result, summary };
  } finally {
    opened.close();
    await database.close();
  }
}
