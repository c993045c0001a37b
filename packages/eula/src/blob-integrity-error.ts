/**
 * Thrown by `get` when a stored blob does not hash to its name (disk corruption, or someone
 * editing the store). It is an error, not `null`: "not found" would let a caller quietly
 * re-upload or show a 404 and hide the corruption.
 */
export class BlobIntegrityError extends Error {
  override readonly name = "BlobIntegrityError";
  readonly sha256: string;
  readonly actualSha256: string;

  constructor(sha256: string, actualSha256: string, location: string) {
    super(`Stored blob ${sha256} is corrupted: its content hashes to ${actualSha256} (${location}).`);
    this.sha256 = sha256;
    this.actualSha256 = actualSha256;
  }
}
