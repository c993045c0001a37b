import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { ContactKeyStore, WrappedKeyName } from "./key-store";

export interface S3KeyStoreOptions {
  bucket: string;
  /** Key prefix, without leading or trailing slash; wraps go to `<prefix>/<contact>.<master key>.key`. */
  prefix?: string;
  region?: string;
  /** A non-AWS store's URL (MinIO, Ceph, R2, ...); AWS's own when unset. */
  endpoint?: string;
  forcePathStyle?: boolean;
  /** Without them, the AWS SDK's default chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** A `ContactKeyStore` in a bucket, with a start-up check and a way to close its connections. */
export interface S3KeyStore extends ContactKeyStore {
  readonly location: string;
  check(): Promise<void>;
  close(): void;
}

const NAME = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.key$/;
const SAFE = /^[A-Za-z0-9_-]+$/;

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404);
}

/**
 * The contacts' wrapped keys as objects of a bucket, one per wrap, so the servers of a fleet
 * share them with nothing on disk. Removing an object must be final for crypto-shredding to
 * hold: the bucket (or at least this prefix) must not keep old versions, or must expire them.
 * A contact's wrap is written by the one server that creates or re-wraps it, so a HEAD before
 * the PUT is enough to keep a wrap already there.
 */
export function createS3KeyStore(options: S3KeyStoreOptions): S3KeyStore {
  const prefix = (options.prefix ?? "").replace(/^\/+|\/+$/g, "");
  const location = `s3://${options.bucket}${prefix ? `/${prefix}` : ""}${options.endpoint ? ` at ${options.endpoint}` : ""}`;
  const client = new S3Client({
    ...(options.region ? { region: options.region } : options.endpoint ? { region: "us-east-1" } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint, requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED" } : {}),
    ...(options.forcePathStyle ? { forcePathStyle: true } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  const keyOf = ({ contactId, keyId }: WrappedKeyName) => {
    if (!SAFE.test(contactId) || !SAFE.test(keyId)) throw new Error("Unsafe key name");
    return `${prefix ? `${prefix}/` : ""}${contactId}.${keyId}.key`;
  };
  const failed = (operation: string, key: string, error: unknown) =>
    new Error(`The contact key store ${location} failed to ${operation} ${key}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });

  async function namesUnder(start: string): Promise<{ key: string; name: WrappedKeyName }[]> {
    const found: { key: string; name: WrappedKeyName }[] = [];
    let token: string | undefined;
    do {
      const page = await client
        .send(new ListObjectsV2Command({ Bucket: options.bucket, Prefix: start, ...(token ? { ContinuationToken: token } : {}) }))
        .catch((error: unknown) => {
          throw failed("list", start, error);
        });
      for (const object of page.Contents ?? []) {
        const match = NAME.exec((object.Key ?? "").slice(prefix ? prefix.length + 1 : 0));
        if (object.Key && match?.[1] && match[2]) found.push({ key: object.Key, name: { contactId: match[1], keyId: match[2] } });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return found;
  }

  const store: S3KeyStore = {
    location,
    async read(name) {
      const key = keyOf(name);
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: key }));
        return (await object.Body?.transformToString("utf8")) ?? null;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw failed("read", key, error);
      }
    },
    async write(name, wrapped) {
      const key = keyOf(name);
      try {
        await client.send(new HeadObjectCommand({ Bucket: options.bucket, Key: key }));
        return;
      } catch (error) {
        if (!isNotFound(error)) throw failed("look up", key, error);
      }
      await client.send(new PutObjectCommand({ Bucket: options.bucket, Key: key, Body: wrapped, ContentType: "text/plain" })).catch((error: unknown) => {
        throw failed("write", key, error);
      });
    },
    async remove(name) {
      const key = keyOf(name);
      // Deleting what is not there succeeds in S3: a removal is idempotent, as with files.
      await client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: key })).catch((error: unknown) => {
        throw failed("remove", key, error);
      });
    },
    async removeAll(contactId) {
      if (!SAFE.test(contactId)) throw new Error("Unsafe key name");
      for (const { name } of await namesUnder(`${prefix ? `${prefix}/` : ""}${contactId}.`)) {
        if (name.contactId === contactId) await store.remove(name);
      }
    },
    async list() {
      return (await namesUnder(prefix ? `${prefix}/` : "")).map(({ name }) => name);
    },
    async check() {
      await client.send(new HeadBucketCommand({ Bucket: options.bucket })).catch((error: unknown) => {
        throw failed("reach the bucket for", options.bucket, error);
      });
    },
    close() {
      client.destroy();
    },
  };
  return store;
}
