import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readWithLimit } from "./index";

function chunk(size: number, fill = 1): Uint8Array {
  return new Uint8Array(size).fill(fill);
}

/** An endless-enough source that records how far it was pulled and whether it was closed. */
function countingSource(chunkSize: number, chunks: number) {
  const state = { pulled: 0, closed: false };
  async function* generate(): AsyncGenerator<Uint8Array> {
    try {
      for (let index = 0; index < chunks; index += 1) {
        state.pulled += 1;
        yield chunk(chunkSize, index % 256);
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, source: generate() };
}

describe("readWithLimit", () => {
  it("returns every byte, in order, when the source fits", async () => {
    async function* source() {
      yield Uint8Array.of(1, 2);
      yield new Uint8Array(0);
      yield Uint8Array.of(3);
    }
    expect(await readWithLimit(source(), 3)).toEqual({ ok: true, bytes: Uint8Array.of(1, 2, 3) });
  });

  it("stops pulling at the first chunk over the limit and closes the source", async () => {
    const { state, source } = countingSource(1000, 1_000_000);
    const result = await readWithLimit(source, 2500);
    expect(result).toEqual({ ok: false, reason: "too_large", readBytes: 3000 });
    // Three chunks of a million: the limit plus one chunk, never the whole source.
    expect(state.pulled).toBe(3);
    expect(state.closed).toBe(true);
  });

  it("accepts a source of exactly the limit", async () => {
    const { state, source } = countingSource(10, 5);
    const result = await readWithLimit(source, 50);
    expect(result.ok && result.bytes.byteLength).toBe(50);
    expect(state.pulled).toBe(5);
  });

  it("treats an empty source as empty bytes", async () => {
    async function* source(): AsyncGenerator<Uint8Array> {}
    expect(await readWithLimit(source(), 0)).toEqual({ ok: true, bytes: new Uint8Array(0) });
  });

  it("cancels a web ReadableStream that goes over the limit", async () => {
    let pulls = 0;
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls += 1;
          controller.enqueue(chunk(100));
        },
        cancel() {
          cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    expect(await readWithLimit(stream, 250)).toEqual({ ok: false, reason: "too_large", readBytes: 300 });
    expect(cancelled).toBe(true);
    expect(pulls).toBeLessThanOrEqual(4);
  });

  it("reads a web ReadableStream that fits", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(Uint8Array.of(7));
        controller.enqueue(Uint8Array.of(8, 9));
        controller.close();
      },
    });
    expect(await readWithLimit(stream, 10)).toEqual({ ok: true, bytes: Uint8Array.of(7, 8, 9) });
  });

  it("destroys a Node Readable that goes over the limit", async () => {
    let produced = 0;
    const readable = new Readable({
      highWaterMark: 16,
      read() {
        produced += 1;
        this.push(Buffer.alloc(64, 1));
      },
    });
    const result = await readWithLimit(readable, 200);
    expect(result).toEqual({ ok: false, reason: "too_large", readBytes: 256 });
    expect(readable.destroyed).toBe(true);
    expect(produced).toBeLessThan(10);
  });

  it("passes a source error on to the caller", async () => {
    async function* source(): AsyncGenerator<Uint8Array> {
      yield chunk(1);
      throw new Error("connection reset");
    }
    await expect(readWithLimit(source(), 100)).rejects.toThrow("connection reset");
  });

  it("refuses a limit that is not a size", async () => {
    async function* source(): AsyncGenerator<Uint8Array> {}
    await expect(readWithLimit(source(), -1)).rejects.toThrow(RangeError);
  });
});
