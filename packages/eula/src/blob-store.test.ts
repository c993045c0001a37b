import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { blobStoreContract } from "./blob-store-contract.fixture";
import { BlobIntegrityError, createFileBlobStore, createMemoryBlobStore, sha256Hex } from "./index";
import type { BlobStore } from "./index";

const EULA = new TextEncoder().encode("%PDF-1.7 pretend EULA bytes");
const OTHER = new TextEncoder().encode("another document");

/** Every file under `directory`, as paths relative to it. */
async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(directory.length + 1))
    .sort();
}

let contractDirectory = "";
blobStoreContract("createFileBlobStore", {
  async create() {
    contractDirectory = await mkdtemp(join(tmpdir(), "eula-blobs-"));
    return createFileBlobStore(join(contractDirectory, "store"));
  },
  async destroy() {
    await rm(contractDirectory, { recursive: true, force: true });
  },
  async tamper(sha256, bytes) {
    await writeFile(join(contractDirectory, "store", sha256.slice(0, 2), sha256), bytes);
  },
  async count() {
    return (await listFiles(join(contractDirectory, "store"))).length;
  },
  async writeMark(sha256) {
    // Every write is a new file renamed into place: a new inode.
    const { ino, mtimeMs } = await stat(join(contractDirectory, "store", sha256.slice(0, 2), sha256), { bigint: true });
    return `${ino}:${mtimeMs}`;
  },
  async unreachable() {
    // A folder below a regular file can never be created.
    const blocked = join(contractDirectory, "not-a-folder");
    await writeFile(blocked, "");
    return { store: createFileBlobStore(join(blocked, "store")), names: join(blocked, "store") };
  },
});

describe("createFileBlobStore", () => {
  let directory: string;
  let store: BlobStore;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), "eula-blobs-"));
    // A directory that does not exist yet: the store creates what it needs.
    store = createFileBlobStore(join(directory, "store"));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("stores under <first two hex>/<sha256> and round-trips the exact bytes", async () => {
    const { sha256, size } = await store.put(EULA);
    expect(sha256).toBe(sha256Hex(EULA));
    expect(size).toBe(EULA.byteLength);
    expect(await listFiles(join(directory, "store"))).toEqual([join(sha256.slice(0, 2), sha256)]);
    expect(await store.has(sha256)).toBe(true);
    const read = await store.get(sha256);
    expect(read).toEqual(EULA);
    expect(read).not.toBe(EULA);
  });

  it("leaves no temporary files behind", async () => {
    const payloads = Array.from({ length: 20 }, (_, index) => new TextEncoder().encode(`document ${index}`));
    await Promise.all(payloads.map((bytes) => store.put(bytes)));
    const files = await listFiles(join(directory, "store"));
    expect(files).toHaveLength(20);
    for (const file of files) expect(file).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}$/);
  });

  it("removes its temporary file when a write fails", async () => {
    const sha256 = sha256Hex(EULA);
    // A directory where the blob should go makes the final rename fail.
    await mkdir(join(directory, "store", sha256.slice(0, 2), sha256), { recursive: true });
    await expect(store.put(EULA)).rejects.toThrow();
    expect(await listFiles(join(directory, "store"))).toEqual([]);
  });

  it("refuses to serve a corrupted blob, and put repairs it", async () => {
    const { sha256 } = await store.put(EULA);
    const path = join(directory, "store", sha256.slice(0, 2), sha256);
    await writeFile(path, "tampered");
    expect(await store.has(sha256)).toBe(true);
    const failure = await store.get(sha256).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(BlobIntegrityError);
    expect(failure).toMatchObject({ sha256, actualSha256: sha256Hex(new TextEncoder().encode("tampered")) });
    await store.put(EULA);
    expect(await store.get(sha256)).toEqual(EULA);
  });
});

describe("createMemoryBlobStore", () => {
  it("deduplicates, round-trips, and isolates stored bytes from callers", async () => {
    const store = createMemoryBlobStore();
    const bytes = EULA.slice();
    const first = await store.put(bytes);
    expect(await store.put(EULA)).toEqual(first);
    bytes.fill(0);
    const read = await store.get(first.sha256);
    expect(read).toEqual(EULA);
    read?.fill(0);
    expect(await store.get(first.sha256)).toEqual(EULA);
    expect(await store.has(first.sha256)).toBe(true);
    expect(await store.get("../x")).toBeNull();
    const streamed = await store.stream(first.sha256);
    expect(streamed?.size).toBe(EULA.byteLength);
    const chunks: Buffer[] = [];
    for await (const chunk of streamed?.body ?? []) chunks.push(Buffer.from(chunk as Uint8Array));
    expect(Buffer.concat(chunks)).toEqual(Buffer.from(EULA));
    expect(await store.stream(sha256Hex(OTHER))).toBeNull();
  });
});
