import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { DeleteBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blobStoreContract } from "./blob-store-contract.fixture";
import { sha256Hex } from "./hash";
import { BlobStoreError, createS3BlobStore, type S3BlobStore, type S3BlobStoreOptions } from "./s3-blob-store";
import { S3_TEST_CREDENTIALS, startS3Server, type S3TestServer } from "./s3-server";

const BUCKET = "offerkit-eulas";
const EULA = new TextEncoder().encode("%PDF-1.7 pretend EULA bytes");

// A real S3-compatible server in its own process, on a free port, over a temporary folder.
let server: S3TestServer;
let admin: S3Client;
beforeAll(async () => {
  server = await startS3Server([BUCKET, "doomed"]);
  admin = new S3Client({ region: "us-east-1", endpoint: server.endpoint, forcePathStyle: true, credentials: S3_TEST_CREDENTIALS });
}, 60_000);
afterAll(async () => {
  admin.destroy();
  await server.stop();
});

const storeOptions = (overrides: Partial<S3BlobStoreOptions> = {}): S3BlobStoreOptions => ({
  bucket: BUCKET,
  prefix: `tests/${randomBytes(6).toString("hex")}`,
  endpoint: server.endpoint,
  forcePathStyle: true,
  credentials: S3_TEST_CREDENTIALS,
  ...overrides,
});

/** Every key in the bucket under `prefix`. */
async function keysUnder(prefix: string, bucket = BUCKET): Promise<string[]> {
  const listed = await admin.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix ? `${prefix}/` : undefined }));
  return (listed.Contents ?? []).flatMap((object) => (object.Key === undefined ? [] : [object.Key])).sort();
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (typeof address !== "object" || address === null) throw new Error("No port");
  return address.port;
}

/** Counts the uploads each key receives (a single PUT, or the start of a multipart upload). */
function countWrites(store: S3BlobStore): Map<string, number> {
  const writes = new Map<string, number>();
  store.client.middlewareStack.add(
    (next, context) => async (args) => {
      const input: object = args.input;
      if ((context.commandName === "PutObjectCommand" || context.commandName === "CreateMultipartUploadCommand") && "Key" in input && typeof input.Key === "string") {
        writes.set(input.Key, (writes.get(input.Key) ?? 0) + 1);
      }
      return next(args);
    },
    { step: "initialize", name: "countWrites" },
  );
  return writes;
}

let current: { store: S3BlobStore; prefix: string; writes: Map<string, number> } | null = null;
const currentStore = () => {
  if (!current) throw new Error("No store under test");
  return current;
};
const keyOf = (prefix: string, sha256: string) => `${prefix}/${sha256.slice(0, 2)}/${sha256}`;

blobStoreContract("createS3BlobStore (s3rver)", {
  async create() {
    const options = storeOptions();
    const store = createS3BlobStore(options);
    current = { store, prefix: options.prefix ?? "", writes: countWrites(store) };
    return store;
  },
  async destroy() {
    current?.store.close();
    current = null;
  },
  async tamper(sha256, bytes) {
    await admin.send(new PutObjectCommand({ Bucket: BUCKET, Key: keyOf(currentStore().prefix, sha256), Body: bytes }));
  },
  async count() {
    return (await keysUnder(currentStore().prefix)).length;
  },
  async writeMark(sha256) {
    const { prefix, writes } = currentStore();
    return String(writes.get(keyOf(prefix, sha256)) ?? 0);
  },
  async unreachable() {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    return { store: createS3BlobStore(storeOptions({ endpoint })), names: endpoint };
  },
});

describe("createS3BlobStore (s3rver)", () => {
  it("lays blobs out as <prefix>/<first two hex>/<sha256>, or from the root without a prefix", async () => {
    const prefixed = createS3BlobStore(storeOptions({ prefix: "/eulas/v1/" }));
    const { sha256 } = await prefixed.put(EULA);
    expect(await keysUnder("eulas/v1")).toEqual([`eulas/v1/${sha256.slice(0, 2)}/${sha256}`]);
    prefixed.close();
    const rooted = createS3BlobStore(storeOptions({ prefix: "" }));
    await rooted.put(EULA);
    expect(await keysUnder("")).toContain(`${sha256.slice(0, 2)}/${sha256}`);
    expect(await rooted.get(sha256)).toEqual(EULA);
    rooted.close();
  });

  it("uploads a blob over 8 MB in parts, and once", { timeout: 60_000 }, async () => {
    const store = createS3BlobStore(storeOptions());
    const writes = countWrites(store);
    const parts: number[] = [];
    store.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === "UploadPartCommand") parts.push(1);
        return next(args);
      },
      { step: "initialize", name: "countParts" },
    );
    const bytes = randomBytes(20 * 1024 * 1024);
    await Promise.all([store.put(bytes), store.put(bytes)]);
    // 20 MB in 8 MB parts, for each of the two puts that both found nothing stored.
    expect(parts.length).toBe(6);
    await store.put(bytes);
    expect([...writes.values()]).toEqual([2]);
    store.close();
  });

  it("checks at start that the bucket answers, and says why not", async () => {
    const good = createS3BlobStore(storeOptions());
    await expect(good.check()).resolves.toBeUndefined();
    good.close();
    const missing = createS3BlobStore(storeOptions({ bucket: "no-such-bucket" }));
    await expect(missing.check()).rejects.toThrow(/s3:\/\/no-such-bucket\/.* failed to answer for its bucket: .*404/);
    missing.close();
    const stranger = createS3BlobStore(storeOptions({ credentials: { accessKeyId: "SOMEONE", secretAccessKey: "ELSE" } }));
    const refused = await stranger.check().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BlobStoreError);
    expect(refused instanceof Error ? refused.message : "").toMatch(/HTTP 403: check the credentials/);
    stranger.close();
  });

  it("throws, rather than answering not found, when the bucket is gone", async () => {
    const store = createS3BlobStore(storeOptions({ bucket: "doomed" }));
    await admin.send(new DeleteBucketCommand({ Bucket: "doomed" }));
    await expect(store.get(sha256Hex(EULA))).rejects.toThrow(BlobStoreError);
    await expect(store.stream(sha256Hex(EULA))).rejects.toThrow(/NoSuchBucket|bucket does not exist/i);
    await expect(store.put(EULA)).rejects.toThrow(BlobStoreError);
    store.close();
  });

  it("throws for every operation when the store cannot be reached", { timeout: 60_000 }, async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const store = createS3BlobStore(storeOptions({ endpoint, maxAttempts: 1 }));
    const sha256 = sha256Hex(EULA);
    for (const operation of [() => store.has(sha256), () => store.get(sha256), () => store.stream(sha256), () => store.check()]) {
      await expect(operation()).rejects.toThrow(new RegExp(`The blob store s3://${BUCKET}/tests/[0-9a-f]+ at ${endpoint} failed to .*ECONNREFUSED`));
    }
    store.close();
  });
});
