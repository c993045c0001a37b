import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { EulaStampError, createStampPool, inspectEula, sha256Hex, stampEula, type StampPool } from "./index";
import { CRASHING_ACCOUNT, crashingStampWorkerUrl, loadEulaFixture, makePdf, textOfPages } from "./testing";

const FOOTER = "Offer offer-abc · for AWS account 012345678901 · sent 2027-03-01";

const pools: StampPool[] = [];
function pool(...args: Parameters<typeof createStampPool>): StampPool {
  const made = createStampPool(...args);
  pools.push(made);
  return made;
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((made) => made.close()));
});

describe("createStampPool", () => {
  it("stamps on a worker exactly what stampEula makes, every page, the original untouched", async () => {
    const stamper = pool();
    const original = await makePdf(5);
    const before = original.slice();
    const stamped = await stamper.stamp(original, FOOTER);
    expect(original).toEqual(before);
    expect(sha256Hex(stamped)).toBe(sha256Hex(await stampEula(original, FOOTER)));
    expect(await inspectEula(stamped, { maxBytes: 1e6 })).toMatchObject({ ok: true, pageCount: 5 });
    const { pages } = await textOfPages(stamped);
    expect(pages).toHaveLength(5);
    pages.forEach((text, index) => {
      expect(text).toContain(`Page ${index + 1} of 5`);
      expect(text).toContain(FOOTER);
    });
  });

  it("starts its worker on the first job and keeps it for the next ones, one job at a time", async () => {
    const stamper = pool();
    expect(stamper.stats()).toEqual({ jobs: 0, workersStarted: 0, workers: 0, queued: 0 });
    const files = await Promise.all([1, 2, 3].map((pages) => makePdf(pages)));
    const pending = files.map((file, index) => stamper.stamp(file, `${FOOTER} #${index}`));
    expect(stamper.stats()).toEqual({ jobs: 1, workersStarted: 1, workers: 1, queued: 2 });
    const stamped = await Promise.all(pending);
    expect(await Promise.all(stamped.map(async (copy) => (await inspectEula(copy, { maxBytes: 1e6 })).ok))).toEqual([true, true, true]);
    expect(stamper.stats()).toEqual({ jobs: 3, workersStarted: 1, workers: 1, queued: 0 });
  });

  it("runs up to `size` workers side by side", async () => {
    const stamper = pool({ size: 2 });
    const file = await makePdf(2);
    await Promise.all([stamper.stamp(file, "a"), stamper.stamp(file, "b"), stamper.stamp(file, "c")]);
    expect(stamper.stats()).toMatchObject({ jobs: 3, workersStarted: 2 });
    expect(() => createStampPool({ size: 0 })).toThrow(RangeError);
  });

  it("answers stampEula's errors as they are, and keeps the worker", async () => {
    const stamper = pool();
    await expect(stamper.stamp(loadEulaFixture("random-bytes"), FOOTER)).rejects.toThrow(Error);
    await expect(stamper.stamp(await makePdf(1), " \n")).rejects.toThrow(RangeError);
    expect((await inspectEula(await stamper.stamp(await makePdf(1), FOOTER), { maxBytes: 1e6 })).ok).toBe(true);
    expect(stamper.stats()).toMatchObject({ jobs: 3, workersStarted: 1 });
  });

  it("fails only the job a crashed worker was running; the next job gets a new worker", async () => {
    const stamper = pool({ workerUrl: crashingStampWorkerUrl });
    const file = await makePdf(2);
    const crashing = stamper.stamp(file, `Offer offer-abc · for AWS account ${CRASHING_ACCOUNT}`);
    const queued = stamper.stamp(file, FOOTER);
    const error = await crashing.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EulaStampError);
    expect((error as Error).message).toBe("The EULA stamping worker stopped before finishing this copy: the test worker crashed on purpose");
    expect(sha256Hex(await queued)).toBe(sha256Hex(await stampEula(file, FOOTER)));
    expect(sha256Hex(await stamper.stamp(file, FOOTER))).toBe(sha256Hex(await queued));
    expect(stamper.stats()).toEqual({ jobs: 3, workersStarted: 2, workers: 1, queued: 0 });
  });

  it("stops a worker left idle, and starts a new one for the next job", async () => {
    const stamper = pool({ idleTimeoutMs: 100 });
    const file = await makePdf(1);
    await stamper.stamp(file, FOOTER);
    await stamper.stamp(file, FOOTER);
    expect(stamper.stats()).toMatchObject({ workersStarted: 1, workers: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stamper.stats()).toMatchObject({ workersStarted: 1, workers: 0 });
    expect(sha256Hex(await stamper.stamp(file, FOOTER))).toBe(sha256Hex(await stampEula(file, FOOTER)));
    expect(stamper.stats()).toEqual({ jobs: 3, workersStarted: 2, workers: 1, queued: 0 });
  });

  it("on close fails the job in progress and refuses queued and later ones", async () => {
    const stamper = pool();
    const file = await makePdf(200);
    const running = stamper.stamp(file, FOOTER).catch((caught: unknown) => caught);
    const queued = stamper.stamp(file, FOOTER).catch((caught: unknown) => caught);
    await stamper.close();
    expect(await running).toBeInstanceOf(EulaStampError);
    expect(await queued).toBeInstanceOf(EulaStampError);
    await expect(stamper.stamp(file, FOOTER)).rejects.toThrow("The EULA stamping pool is closed");
    await stamper.close();
  });

  it("keeps a process alive while it stamps, and not a moment after: its idle worker is unreferenced", async () => {
    // A process whose only work is one copy: it must wait for the copy, then end without close().
    const script = [
      `import { createStampPool } from ${JSON.stringify(fileURLToPath(new URL("./index.ts", import.meta.url)))};`,
      `import { makePdf } from ${JSON.stringify(fileURLToPath(new URL("./testing.ts", import.meta.url)))};`,
      "const file = await makePdf(50);",
      `createStampPool().stamp(file, ${JSON.stringify(FOOTER)}).then((copy) => console.log("stamped", copy.byteLength > file.byteLength));`,
    ].join("\n");
    const started = performance.now();
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      timeout: 20_000,
    });
    expect(stdout.trim()).toBe("stamped true");
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});
