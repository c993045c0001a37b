import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { BlobIntegrityError } from "./blob-integrity-error";
import { sha256Hex } from "./hash";
import { verifiedStream } from "./verified-stream";

export { BlobIntegrityError } from "./blob-integrity-error";

/**
 * Content-addressed storage for EULA files: the name of a blob is the SHA-256 of its bytes, so
 * storing the same file twice keeps one copy and a stored file can be checked against its name.
 */
export interface BlobStore {
  /** Stores `bytes` (once, whatever the number of calls) and returns its address. */
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
  /**
   * The stored bytes, or `null` when nothing is stored under `sha256` (including any string that
   * is not 64 lowercase hex digits). Throws `BlobIntegrityError` when the stored bytes no longer
   * hash to their name.
   */
  get(sha256: string): Promise<Uint8Array | null>;
  /** Whether something is stored under `sha256`. Cheap: it does not read or verify the bytes. */
  has(sha256: string): Promise<boolean>;
  /**
   * The stored bytes as a stream, for serving a blob without holding it in memory, or `null` as
   * `get` answers it. The bytes are verified as they flow: the stream fails with
   * `BlobIntegrityError` instead of ending when they do not hash to their name, and the last
   * chunk is held back until they do. Read the body to its end or destroy it: until then it holds
   * a file or a connection.
   */
  stream(sha256: string): Promise<BlobStream | null>;
}

/** A stored blob being read: its size (for a Content-Length) and its bytes. */
export interface BlobStream {
  size: number;
  body: Readable;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Whether `value` can be a blob address; anything else (path tricks included) is never looked up. */
export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value);
}

/**
 * A `BlobStore` on the local file system: `<directory>/<first two hex digits>/<sha256>`.
 * Writes go to a temporary file in the same directory, are flushed, then renamed into place, so
 * a reader (or a crash) never sees a partial blob. Directories are created on demand.
 */
export function createFileBlobStore(directory: string): BlobStore {
  const pathOf = (sha256: string) => join(directory, sha256.slice(0, 2), sha256);

  async function readVerified(sha256: string): Promise<Uint8Array | null> {
    const path = pathOf(sha256);
    let buffer: Buffer;
    try {
      buffer = await readFile(path);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    const actual = sha256Hex(buffer);
    if (actual !== sha256) throw new BlobIntegrityError(sha256, actual, path);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  }

  async function writeAtomically(sha256: string, bytes: Uint8Array): Promise<void> {
    const folder = join(directory, sha256.slice(0, 2));
    // Private to the server's user, as the rest of the data folder.
    await mkdir(folder, { recursive: true, mode: 0o700 });
    // Same directory as the target: rename is only atomic within one file system.
    const temporary = join(folder, `.${sha256}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
    try {
      const handle = await open(temporary, "wx", 0o600);
      try {
        await handle.writeFile(bytes);
        // Flushed before the rename, so a crash cannot leave a complete name over incomplete data.
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, pathOf(sha256));
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      let stored = false;
      try {
        stored = (await readVerified(sha256)) !== null;
      } catch (error) {
        // A corrupted copy is repaired by writing the good bytes over it.
        if (!(error instanceof BlobIntegrityError)) throw error;
      }
      if (!stored) await writeAtomically(sha256, bytes);
      return { sha256, size: bytes.byteLength };
    },
    async get(sha256) {
      if (!isSha256Hex(sha256)) return null;
      return readVerified(sha256);
    },
    async has(sha256) {
      if (!isSha256Hex(sha256)) return false;
      try {
        return (await stat(pathOf(sha256))).isFile();
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
    async stream(sha256) {
      if (!isSha256Hex(sha256)) return null;
      const path = pathOf(sha256);
      let handle;
      try {
        handle = await open(path, "r");
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
      // Size and bytes from one open file: a blob renamed over meanwhile cannot mix the two.
      const { size } = await handle.stat().catch(async (error: unknown) => {
        await handle.close();
        throw error;
      });
      return { size, body: verifiedStream(handle.createReadStream(), sha256, size, path) };
    },
  };
}

/**
 * An in-memory `BlobStore` for tests of packages that take one. It copies on the way in and out,
 * like the file store, so callers cannot alter a stored blob through a shared array.
 */
export function createMemoryBlobStore(): BlobStore {
  const blobs = new Map<string, Uint8Array>();
  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      if (!blobs.has(sha256)) blobs.set(sha256, bytes.slice());
      return { sha256, size: bytes.byteLength };
    },
    async get(sha256) {
      return blobs.get(sha256)?.slice() ?? null;
    },
    async has(sha256) {
      return blobs.has(sha256);
    },
    async stream(sha256) {
      const bytes = blobs.get(sha256);
      return bytes ? { size: bytes.byteLength, body: Readable.from([Buffer.from(bytes)]) } : null;
    },
  };
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR");
}
