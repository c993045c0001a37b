import { createHash } from "node:crypto";
import { Transform, type Readable } from "node:stream";
import { BlobIntegrityError } from "./blob-integrity-error";

/**
 * Passes a stored blob's bytes through while hashing them, and ends only if they hash to its
 * name and are as many as the store said. It holds back the last chunk until the check: a
 * consumer (an HTTP response) never receives the whole of a corrupted blob, it sees the stream
 * fail with `BlobIntegrityError` instead of ending.
 */
export function verifiedStream(source: Readable, sha256: string, size: number, location: string): Readable {
  const hash = createHash("sha256");
  let received = 0;
  let held: Buffer | null = null;
  const verifier = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      received += chunk.byteLength;
      const previous = held;
      held = chunk;
      callback(null, previous ?? undefined);
    },
    flush(callback) {
      const actual = hash.digest("hex");
      if (actual !== sha256) return callback(new BlobIntegrityError(sha256, actual, location));
      if (received !== size) return callback(new Error(`Stored blob ${sha256} is ${received} bytes where ${size} were announced (${location}).`));
      callback(null, held ?? undefined);
    },
  });
  // A failing source (a dropped connection) fails the stream the consumer holds.
  source.once("error", (error) => verifier.destroy(error));
  verifier.once("close", () => source.destroy());
  return source.pipe(verifier);
}
