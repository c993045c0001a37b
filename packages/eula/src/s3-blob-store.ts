import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { GetObjectCommand, HeadBucketCommand, HeadObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { BlobIntegrityError } from "./blob-integrity-error";
import { isSha256Hex, type BlobStore, type BlobStream } from "./blob-store";
import { sha256Hex } from "./hash";
import { verifiedStream } from "./verified-stream";

/** Where and how to reach an S3-compatible store. */
export interface S3BlobStoreOptions {
  bucket: string;
  /** Key prefix, without leading or trailing slash; blobs go to `<prefix>/<2 hex>/<sha256>`. Empty: at the bucket's root. */
  prefix?: string;
  /** Region; without it, the AWS SDK's own chain (`AWS_REGION`, the profile), else `us-east-1` when an endpoint is set. */
  region?: string;
  /** A non-AWS store's URL (MinIO, Ceph, R2, ...); AWS's own endpoint when unset. */
  endpoint?: string;
  /** `https://endpoint/bucket/key` rather than `https://bucket.endpoint/key`: what most non-AWS stores need. */
  forcePathStyle?: boolean;
  /** Without them, the AWS SDK's default chain (environment, profile, container or instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Attempts per request, retries included (the SDK's default, 3). */
  maxAttempts?: number;
  /** How long to wait for a connection, in ms (5 000). */
  connectionTimeoutMs?: number;
  /** How long a request may wait for the store's next bytes, in ms (30 000). */
  requestTimeoutMs?: number;
}

/** A `BlobStore` on S3, with `check()` for a start-up test of the settings. */
export interface S3BlobStore extends BlobStore {
  /** `s3://bucket/prefix`, and the endpoint when not AWS's: how errors name the store. */
  readonly location: string;
  /** The SDK client it sends with, for a middleware that counts or measures requests. */
  readonly client: S3Client;
  /** Resolves when the bucket answers with these credentials; rejects with `BlobStoreError` saying why not. */
  check(): Promise<void>;
  /** Closes the client's connections. */
  close(): void;
}

/**
 * A failed request to a blob store that is not "not found": unreachable, refused, a missing
 * bucket. Its message names the store, the operation and the key; `cause` is the SDK's error.
 */
export class BlobStoreError extends Error {
  override readonly name = "BlobStoreError";
}

/** Multipart above this size, in parts of this size; S3's minimum part is 5 MiB. */
const PART_SIZE = 8 * 1024 * 1024;
/** Parts in flight at once: PART_SIZE x QUEUE_SIZE is the most an upload adds in memory. */
const QUEUE_SIZE = 2;

/**
 * A content-addressed `BlobStore` in an S3 bucket, laid out as the file store:
 * `<prefix>/<first two hex digits>/<sha256>`. `put` asks (HEAD) before it uploads and uploads
 * nothing that is stored already; large blobs go up in parts, several at once. `get` and
 * `stream` verify the bytes against the name as the file store does. Only "not found" answers
 * `null` / `false`; every other failure throws `BlobStoreError`.
 */
export function createS3BlobStore(options: S3BlobStoreOptions): S3BlobStore {
  const { bucket } = options;
  const prefix = (options.prefix ?? "").replace(/^\/+|\/+$/g, "");
  const location = `s3://${bucket}${prefix ? `/${prefix}` : ""}${options.endpoint ? ` at ${options.endpoint}` : ""}`;
  const client = new S3Client({
    ...(options.region ? { region: options.region } : options.endpoint && !process.env.AWS_REGION ? { region: "us-east-1" } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.forcePathStyle ?? false,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    maxAttempts: options.maxAttempts ?? 3,
    requestHandler: { connectionTimeout: options.connectionTimeoutMs ?? 5000, requestTimeout: options.requestTimeoutMs ?? 30_000 },
    // The SDK's default checksums use a trailer encoding many non-AWS stores refuse; the bytes
    // are verified against their SHA-256 on every read anyway.
    ...(options.endpoint ? { requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" } : {}),
  });
  const keyOf = (sha256: string) => `${prefix ? `${prefix}/` : ""}${sha256.slice(0, 2)}/${sha256}`;
  const failed = (operation: string, key: string | null, error: unknown) =>
    new BlobStoreError(`The blob store ${location} failed to ${operation}${key === null ? "" : ` ${key}`}: ${describe(error)}`, { cause: error });

  /** The object's size, or null when it does not exist. */
  async function head(sha256: string): Promise<number | null> {
    const key = keyOf(sha256);
    try {
      const answer = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return answer.ContentLength ?? 0;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw failed("look up", key, error);
    }
  }

  /** The object's size and bytes, or null when it does not exist. */
  async function open(sha256: string): Promise<{ size: number; body: Readable } | null> {
    const key = keyOf(sha256);
    try {
      const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if (!(answer.Body instanceof Readable)) throw new Error("the SDK answered without a Node stream");
      return { size: answer.ContentLength ?? 0, body: answer.Body };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw failed("read", key, error);
    }
  }

  return {
    location,
    client,
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      // A stored object of another size is a damaged one: uploading the bytes repairs it.
      if ((await head(sha256)) !== bytes.byteLength) {
        const key = keyOf(sha256);
        const upload = new Upload({
          client,
          params: { Bucket: bucket, Key: key, Body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), ContentType: "application/octet-stream" },
          partSize: PART_SIZE,
          queueSize: QUEUE_SIZE,
        });
        try {
          await upload.done();
        } catch (error) {
          throw failed("store", key, error);
        }
      }
      return { sha256, size: bytes.byteLength };
    },
    async get(sha256) {
      if (!isSha256Hex(sha256)) return null;
      const object = await open(sha256);
      if (!object) return null;
      const hash = createHash("sha256");
      const bytes = new Uint8Array(object.size);
      let offset = 0;
      try {
        for await (const chunk of object.body as AsyncIterable<Buffer>) {
          hash.update(chunk);
          if (offset + chunk.byteLength <= bytes.byteLength) bytes.set(chunk, offset);
          offset += chunk.byteLength;
        }
      } catch (error) {
        throw failed("read", keyOf(sha256), error);
      }
      const actual = hash.digest("hex");
      if (actual !== sha256) throw new BlobIntegrityError(sha256, actual, `${location}, ${keyOf(sha256)}`);
      if (offset !== bytes.byteLength) throw failed("read", keyOf(sha256), `${offset} bytes arrived where ${bytes.byteLength} were announced`);
      return bytes;
    },
    async has(sha256) {
      if (!isSha256Hex(sha256)) return false;
      return (await head(sha256)) !== null;
    },
    async stream(sha256): Promise<BlobStream | null> {
      if (!isSha256Hex(sha256)) return null;
      const object = await open(sha256);
      if (!object) return null;
      return { size: object.size, body: verifiedStream(object.body, sha256, object.size, `${location}, ${keyOf(sha256)}`) };
    },
    async check() {
      try {
        await client.send(new HeadBucketCommand({ Bucket: bucket }));
      } catch (error) {
        throw failed("answer for its bucket", null, error);
      }
    },
    close() {
      client.destroy();
    },
  };
}

/**
 * "No such key". A HEAD answers a bare 404 (no body to tell a missing bucket from a missing key):
 * `check()` at start is what catches a missing bucket. A GET says which it is.
 */
function isNotFound(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  if (error.name === "NoSuchBucket") return false;
  return error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404;
}

/** The SDK's message, with the HTTP status when there was one (a HEAD's errors have no text). */
function describe(error: unknown): string {
  if (error instanceof S3ServiceException) {
    const status = error.$metadata.httpStatusCode;
    const text = error.message && error.message !== "UnknownError" ? error.message : error.name;
    return status === undefined ? text : `${text} (HTTP ${status}${status === 403 ? ": check the credentials and that they may read, write and list the bucket" : ""})`;
  }
  if (error instanceof Error) {
    const code = "code" in error && typeof error.code === "string" ? ` (${error.code})` : "";
    return `${error.message || error.name}${code}`;
  }
  return String(error);
}
