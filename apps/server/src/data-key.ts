import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The key that seals personal data at rest: OFFERKIT_DATA_KEY when set; otherwise, on the
 * embedded default, a key file made once in the data folder, readable by its owner only.
 * On PostgreSQL the key must be set: servers sharing a database must share it.
 */
export function loadDataKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return Buffer.from(configured, "base64");
  const path = join(dataDir, "data.key");
  if (!existsSync(path)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(path, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process made it first: use theirs.
      if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
    }
  }
  chmodSync(path, 0o600);
  const key = Buffer.from(readFileSync(path, "utf8").trim(), "base64");
  if (key.byteLength !== 32) throw new Error(`The key file ${path} does not hold a 32-byte base64 key`);
  return key;
}
