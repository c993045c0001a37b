import { createHash } from "node:crypto";

/** Lowercase hex SHA-256 of `bytes`: the EULA's identity everywhere in Offerkit. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
