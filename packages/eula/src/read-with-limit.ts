export type ReadWithLimitResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: "too_large"; readBytes: number };

/**
 * Reads `source` into memory unless it holds more than `maxBytes`. It stops at the first chunk
 * that crosses the limit and cancels the source (a Node stream is destroyed, a generator
 * returned), so at most `maxBytes` plus one chunk is ever buffered. `readBytes` counts what
 * arrived before it stopped, including that last chunk. Errors from the source propagate.
 */
export async function readWithLimit(
  source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<ReadWithLimitResult> {
  if (!Number.isFinite(maxBytes) || maxBytes < 0) {
    throw new RangeError(`maxBytes must be a non-negative number, got ${maxBytes}`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  // A web stream's reader is used directly rather than its async iterator, which Node 20 has
  // but the DOM typings and some runtimes do not.
  const pull = isReadableStream(source) ? readerPuller(source) : iteratorPuller(source);
  try {
    for (let chunk = await pull.next(); chunk !== undefined; chunk = await pull.next()) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        await pull.cancel();
        return { ok: false, reason: "too_large", readBytes: total };
      }
      chunks.push(chunk);
    }
  } catch (error) {
    await pull.cancel();
    throw error;
  }
  return { ok: true, bytes: concat(chunks, total) };
}

type Puller = { next(): Promise<Uint8Array | undefined>; cancel(): Promise<void> };

function isReadableStream(source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): source is ReadableStream<Uint8Array> {
  return typeof (source as { getReader?: unknown }).getReader === "function";
}

function readerPuller(stream: ReadableStream<Uint8Array>): Puller {
  const reader = stream.getReader();
  return {
    async next() {
      const result = await reader.read();
      return result.done ? undefined : result.value;
    },
    async cancel() {
      // Cancelling an already failed stream rejects; the caller's outcome is already decided.
      await reader.cancel().catch(() => undefined);
    },
  };
}

function iteratorPuller(source: AsyncIterable<Uint8Array>): Puller {
  const iterator = source[Symbol.asyncIterator]();
  let finished = false;
  return {
    async next() {
      const result = await iterator.next();
      if (result.done === true) {
        finished = true;
        return undefined;
      }
      return result.value;
    },
    async cancel() {
      if (finished) return;
      finished = true;
      // return() is what closes a generator and destroys a Node Readable behind its iterator.
      await iterator.return?.()?.catch(() => undefined);
    },
  };
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
