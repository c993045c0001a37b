import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** AES-256-GCM with a fresh IV, bound to `context` (authenticated, not stored): `<version>.<iv>.<tag>.<data>`. */
export function sealBytes(version: string, key: Uint8Array, context: string, plain: Uint8Array): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [version, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

/** The bytes `sealBytes` sealed; throws when the key, the context or a byte differs. */
export function openBytes(version: string, key: Uint8Array, context: string, sealed: string): Buffer {
  const [found, iv, tag, data] = sealed.split(".");
  if (found !== version || !iv || !tag || !data) throw new Error(`Not a ${version} sealed value`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]);
}
