import { createHash, randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BlobIntegrityError, type BlobStore } from "./blob-store";
import { sha256Hex } from "./hash";

/** What the contract needs from a store under test, beyond the store itself. */
export interface BlobStoreHarness {
  /** A new, empty store; called before each test. */
  create(): Promise<BlobStore>;
  /** Removes what `create` made; called after each test. */
  destroy(): Promise<void>;
  /** Replaces the stored object of `sha256` by `bytes`, behind the store's back. */
  tamper(sha256: string, bytes: Uint8Array): Promise<void>;
  /** How many objects the store holds. */
  count(): Promise<number>;
  /** Something that changes whenever the object of `sha256` is written again. */
  writeMark(sha256: string): Promise<string>;
  /** A store that cannot be reached, and what its errors must name so an operator finds it. */
  unreachable(): Promise<{ store: BlobStore; names: string }>;
}

const EULA = new TextEncoder().encode("%PDF-1.7 pretend EULA bytes");
const OTHER = new TextEncoder().encode("another document");
const LARGE_BYTES = 20 * 1024 * 1024;

/** Reads a stream to the end: its bytes, how many chunks, and its error if it failed. */
async function drain(body: Readable): Promise<{ bytes: Buffer; chunks: number; error: unknown }> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
    return { bytes: Buffer.concat(chunks), chunks: chunks.length, error: null };
  } catch (error) {
    return { bytes: Buffer.concat(chunks), chunks: chunks.length, error };
  }
}

/**
 * The behaviour every `BlobStore` of Offerkit's must have, run against each store
 * (`blob-store.test.ts` for files, `s3-blob-store.test.ts` for S3) so they cannot drift apart.
 */
export function blobStoreContract(name: string, harness: BlobStoreHarness): void {
  describe(`${name}: the BlobStore contract`, () => {
    let store: BlobStore;

    beforeEach(async () => {
      store = await harness.create();
    });

    afterEach(async () => {
      await harness.destroy();
    });

    it("stores under the SHA-256 and round-trips the exact bytes", async () => {
      const { sha256, size } = await store.put(EULA);
      expect(sha256).toBe(sha256Hex(EULA));
      expect(size).toBe(EULA.byteLength);
      expect(await store.has(sha256)).toBe(true);
      const read = await store.get(sha256);
      expect(read).toEqual(EULA);
      expect(read).not.toBe(EULA);
      const streamed = await store.stream(sha256);
      expect(streamed?.size).toBe(EULA.byteLength);
      const drained = streamed ? await drain(streamed.body) : null;
      expect(drained?.error).toBeNull();
      expect(drained?.bytes).toEqual(Buffer.from(EULA));
    });

    it("stores empty content like any other", async () => {
      const { sha256 } = await store.put(new Uint8Array(0));
      expect(await store.get(sha256)).toEqual(new Uint8Array(0));
      const streamed = await store.stream(sha256);
      expect(streamed?.size).toBe(0);
      expect(streamed ? (await drain(streamed.body)).bytes.byteLength : null).toBe(0);
    });

    it("does not write again what it holds", async () => {
      const first = await store.put(EULA);
      const mark = await harness.writeMark(first.sha256);
      expect(await store.put(EULA.slice())).toEqual(first);
      expect(await harness.writeMark(first.sha256)).toBe(mark);
      expect(await harness.count()).toBe(1);
      await store.put(OTHER);
      expect(await harness.count()).toBe(2);
    });

    it("keeps one object of bytes stored concurrently", async () => {
      const results = await Promise.all(Array.from({ length: 8 }, () => store.put(EULA.slice())));
      expect(new Set(results.map((result) => result.sha256))).toEqual(new Set([sha256Hex(EULA)]));
      expect(await harness.count()).toBe(1);
      expect(await store.get(sha256Hex(EULA))).toEqual(EULA);
    });

    it("does not keep a reference to the caller's array", async () => {
      const bytes = EULA.slice();
      const { sha256 } = await store.put(bytes);
      bytes.fill(0);
      expect(await store.get(sha256)).toEqual(EULA);
    });

    it("answers null and false for a hash it does not hold", async () => {
      await store.put(EULA);
      const unknown = sha256Hex(OTHER);
      expect(await store.get(unknown)).toBeNull();
      expect(await store.has(unknown)).toBe(false);
      expect(await store.stream(unknown)).toBeNull();
    });

    it.each([
      "../../etc/passwd",
      "..",
      "",
      "/etc/passwd",
      "ab/../../secret",
      // Right length, wrong case: addresses are lowercase only, so there is exactly one per blob.
      sha256Hex(EULA).toUpperCase(),
      `${sha256Hex(EULA)}/`,
      `${sha256Hex(EULA)}\0`,
      sha256Hex(EULA).slice(0, 63),
    ])("never looks up %j", async (address) => {
      await store.put(EULA);
      expect(await store.get(address)).toBeNull();
      expect(await store.has(address)).toBe(false);
      expect(await store.stream(address)).toBeNull();
    });

    it("refuses to serve bytes that no longer hash to their name", async () => {
      const { sha256 } = await store.put(EULA);
      const tampered = new TextEncoder().encode("tampered, and of another length");
      await harness.tamper(sha256, tampered);
      expect(await store.has(sha256)).toBe(true);
      const failure = await store.get(sha256).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(BlobIntegrityError);
      expect(failure).toMatchObject({ sha256, actualSha256: sha256Hex(tampered) });
    });

    it("fails the stream of tampered bytes before their end", async () => {
      const bytes = randomBytes(3 * 1024 * 1024);
      const { sha256 } = await store.put(bytes);
      const tampered = Buffer.from(bytes);
      tampered[tampered.length - 1] = (tampered.at(-1) ?? 0) ^ 0xff;
      await harness.tamper(sha256, tampered);
      const streamed = await store.stream(sha256);
      if (!streamed) throw new Error("The tampered blob is gone");
      const drained = await drain(streamed.body);
      expect(drained.error).toBeInstanceOf(BlobIntegrityError);
      // The last chunk is held back: a consumer never holds the whole corrupted file.
      expect(drained.bytes.byteLength).toBeLessThan(tampered.byteLength);
    });

    it("lets go of its file or connection when a stream is dropped halfway", { timeout: 60_000 }, async () => {
      const { sha256 } = await store.put(randomBytes(1024 * 1024));
      // More than the AWS SDK's 50 sockets: a stream that kept its connection would leave none.
      for (let round = 0; round < 60; round += 1) {
        const streamed = await store.stream(sha256);
        if (!streamed) throw new Error("The blob is gone");
        const closed = new Promise((resolve) => streamed.body.once("close", resolve));
        if (round % 2 === 0) {
          for await (const chunk of streamed.body as AsyncIterable<Buffer>) {
            expect(chunk.byteLength).toBeGreaterThan(0);
            break;
          }
        } else {
          streamed.body.destroy();
        }
        await closed;
      }
      expect((await store.get(sha256))?.byteLength).toBe(1024 * 1024);
    });

    it("stores and streams a 20 MB blob", { timeout: 60_000 }, async () => {
      const bytes = randomBytes(LARGE_BYTES);
      const { sha256, size } = await store.put(bytes);
      expect(size).toBe(LARGE_BYTES);
      const streamed = await store.stream(sha256);
      expect(streamed?.size).toBe(LARGE_BYTES);
      if (!streamed) throw new Error("The large blob is gone");
      const hash = createHash("sha256");
      let chunks = 0;
      let largest = 0;
      for await (const chunk of streamed.body as AsyncIterable<Buffer>) {
        hash.update(chunk);
        chunks += 1;
        largest = Math.max(largest, chunk.byteLength);
      }
      expect(hash.digest("hex")).toBe(sha256);
      // Streamed: many small chunks, never the whole file at once.
      expect(chunks).toBeGreaterThan(10);
      expect(largest).toBeLessThan(LARGE_BYTES / 10);
      // Compared as a whole: a deep equality of 20 MB, element by element, takes minutes.
      expect(Buffer.from((await store.get(sha256)) ?? []).equals(bytes)).toBe(true);
    });

    it("names itself when it cannot be reached", { timeout: 60_000 }, async () => {
      const { store: unreachable, names } = await harness.unreachable();
      const failure = await unreachable.put(EULA).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(failure instanceof Error ? failure.message : "").toContain(names);
    });
  });
}
