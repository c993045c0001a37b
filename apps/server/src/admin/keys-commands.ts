import { revokeSellerKeys, rotateBootstrapKey, randomIds, systemClock } from "@offerkit/api";
import type { ServerConfig } from "../config";
import { withCurrentDatabase } from "./admin-database";
import type { CommandOutput } from "./command-output";
import { UsageError } from "./usage-error";

/** `keys revoke --seller <id> [--key <id>]`: one key, or every key and buyer token of the seller. */
export async function revokeKeysCommand(config: ServerConfig, options: { seller: string | undefined; key: string | undefined }, out: CommandOutput): Promise<void> {
  if (!options.seller) throw new UsageError("keys revoke needs --seller <seller id> (see `offerkit-admin sellers list`)");
  const { seller, key } = options;
  const revoked = await withCurrentDatabase(config, (database) => revokeSellerKeys({ db: database.db, clock: systemClock }, seller, key));
  out.json({ sellerId: seller, revoked });
  out.text(key ? `Revoked key ${key} of seller ${seller}.` : `Revoked ${revoked} keys of seller ${seller}; none of its keys works now.`);
}

/** `bootstrap-key rotate`: a new bootstrap admin key; the one in OFFERKIT_BOOTSTRAP_KEY stops working. */
export async function rotateBootstrapKeyCommand(config: ServerConfig, out: CommandOutput): Promise<void> {
  const current = config.bootstrapKey;
  if (!current) throw new UsageError("OFFERKIT_BOOTSTRAP_KEY is not set: run this with the servers' settings, which name the key to replace");
  const issued = await withCurrentDatabase(config, (database) => rotateBootstrapKey({ db: database.db, clock: systemClock, ids: randomIds }, current));
  out.json({ keyId: issued.id, secret: issued.secret });
  out.text(
    `The old bootstrap key is revoked. The new one, shown only this once:\n\n  ${issued.secret}\n\n` +
      "Set OFFERKIT_BOOTSTRAP_KEY to it on every server and restart them: a server started with the old key refuses to start.",
  );
}
