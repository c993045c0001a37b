import type { ClickRecord, ClickWriter } from "@offerkit/db";
import { describe, expect, it } from "vitest";
import { createClickRecorder } from "./click-recorder";

const click = (visitor: number): ClickRecord => ({
  asin: "B00635Y2IW",
  refTag: "ads_q3",
  sessionKey: `visitor-${String(visitor).padStart(12, "0")}`,
  day: "2027-03-01",
  clickedAt: "2027-03-01T10:00:00.000Z",
});

/** A writer that keeps its batches and finishes each write when the test says so. */
function heldWriter() {
  const batches: string[][] = [];
  const held: { finish: () => void; fail: (error: Error) => void }[] = [];
  const writer: ClickWriter = {
    write: (clicks) =>
      new Promise<number>((resolve, reject) => {
        held.push({
          finish: () => {
            batches.push(clicks.map((c) => c.sessionKey));
            resolve(clicks.length);
          },
          fail: reject,
        });
      }),
    close: async () => {},
  };
  const next = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    const write = held.shift();
    if (!write) throw new Error("no write is waiting");
    return write;
  };
  return { writer, batches, held, next };
}

/** The next write, once the recorder has waited to try again. */
async function nextAfterWait(next: () => Promise<{ finish: () => void; fail: (error: Error) => void }>) {
  for (;;) {
    try {
      return await next();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
}

const options = { flushIntervalMs: 60_000, maxBatch: 1000, maxPending: 100_000, log: () => {} };

describe("the click recorder", () => {
  it("writes one batch at a time and gathers what arrives meanwhile into one more", async () => {
    const { writer, batches, held, next } = heldWriter();
    const recorder = createClickRecorder(writer, options);
    for (let visitor = 0; visitor < 1000; visitor += 1) recorder.record(click(visitor));
    const first = await next();
    // Five batches' worth arrive while the first is being written: each full queue asks for a flush.
    for (let visitor = 1000; visitor < 6000; visitor += 1) recorder.record(click(visitor));
    first.finish();
    const second = await next();
    recorder.record(click(6000));
    second.finish();
    await new Promise((resolve) => setImmediate(resolve));
    // Those flushes were all served by the second write: none is left to send the next click alone.
    expect(held).toHaveLength(0);
    expect(recorder.pending()).toBe(1);
    const flushed = recorder.flush();
    (await next()).finish();
    await flushed;
    expect(batches.map((batch) => batch.length)).toEqual([1000, 5000, 1]);
    expect(batches.flat()).toEqual(Array.from({ length: 6001 }, (_, visitor) => click(visitor).sessionKey));
  });

  it("keeps a failed batch and writes it with the next one", async () => {
    const { writer, batches, next } = heldWriter();
    const logged: Record<string, unknown>[] = [];
    const recorder = createClickRecorder(writer, { ...options, log: (entry) => logged.push(entry) });
    for (let visitor = 0; visitor < 1000; visitor += 1) recorder.record(click(visitor));
    (await next()).fail(new Error("database is down"));
    recorder.record(click(1000));
    const flushed = recorder.flush();
    (await next()).finish();
    await flushed;
    expect(batches).toEqual([Array.from({ length: 1001 }, (_, visitor) => click(visitor).sessionKey)]);
    expect(logged[0]).toMatchObject({ level: "error", operation: "insertClicks", clicks: 1000, error: "database is down" });
  });

  it("writes what is queued when closed, and counts the clicks it had to drop when full", async () => {
    const { writer, batches, next } = heldWriter();
    const logged: Record<string, unknown>[] = [];
    const recorder = createClickRecorder(writer, { ...options, maxBatch: 10_000, maxPending: 3, log: (entry) => logged.push(entry) });
    for (let visitor = 0; visitor < 5; visitor += 1) recorder.record(click(visitor));
    expect(recorder.pending()).toBe(3);
    const closed = recorder.close();
    (await next()).finish();
    await closed;
    expect(batches).toEqual([[0, 1, 2].map((visitor) => click(visitor).sessionKey)]);
    expect(logged).toEqual([expect.objectContaining({ operation: "recordClick", dropped: 1 })]);
  });

  it("tries a failing write again on close, since nothing flushes after", async () => {
    const { writer, batches, next } = heldWriter();
    let closedWriter = false;
    const logged: Record<string, unknown>[] = [];
    const recorder = createClickRecorder({ ...writer, close: async () => void (closedWriter = true) }, { ...options, flushIntervalMs: 5, log: (entry) => logged.push(entry) });
    for (let visitor = 0; visitor < 3; visitor += 1) recorder.record(click(visitor));
    const closed = recorder.close();
    (await next()).fail(new Error("database is locked"));
    (await nextAfterWait(next)).fail(new Error("database is locked"));
    expect(closedWriter).toBe(false);
    (await nextAfterWait(next)).finish();
    await closed;
    expect(batches).toEqual([[0, 1, 2].map((visitor) => click(visitor).sessionKey)]);
    expect(closedWriter).toBe(true);
    expect(logged.map((entry) => entry.msg)).toEqual(["click batch failed; kept for the next flush", "click batch failed; kept for the next flush"]);
  });

  it("gives up after five more tries on close, and says how many clicks were lost", async () => {
    const logged: Record<string, unknown>[] = [];
    let writes = 0;
    const failing: ClickWriter = {
      write: async () => {
        writes += 1;
        throw new Error("disk full");
      },
      close: async () => {},
    };
    const recorder = createClickRecorder(failing, { ...options, flushIntervalMs: 1, log: (entry) => logged.push(entry) });
    for (let visitor = 0; visitor < 4; visitor += 1) recorder.record(click(visitor));
    await recorder.close();
    expect(writes).toBe(6);
    expect(logged.at(-1)).toMatchObject({ level: "error", msg: "clicks not written at stop", lost: 4 });
  });

  it("counts the clicks a failed batch cannot take back into a full queue as dropped", async () => {
    const { writer, batches, next } = heldWriter();
    const logged: Record<string, unknown>[] = [];
    const recorder = createClickRecorder(writer, { ...options, maxBatch: 2, maxPending: 3, log: (entry) => logged.push(entry) });
    recorder.record(click(0));
    recorder.record(click(1));
    const first = await next();
    for (let visitor = 2; visitor < 5; visitor += 1) recorder.record(click(visitor));
    first.fail(new Error("database is down"));
    (await next()).finish();
    expect(batches).toEqual([[0, 1, 2].map((visitor) => click(visitor).sessionKey)]);
    expect(logged).toContainEqual(expect.objectContaining({ operation: "recordClick", dropped: 2 }));
  });
});
