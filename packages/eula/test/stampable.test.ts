import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { inspectEula, stampEula } from "../src/index";
import { CORPUS } from "./corpus";

const LIMIT = { maxBytes: Number.MAX_SAFE_INTEGER };

// stampEula's contract is "stamp only what inspectEula accepted": every accepted corpus file,
// whatever its structure, must stamp into a copy that inspectEula accepts with the same pages.
describe("the corpus files inspectEula accepts", () => {
  it("can all be stamped, into copies it accepts with the same page count", async () => {
    const failures: string[] = [];
    let stamped = 0;
    for (const { name } of CORPUS) {
      const bytes = new Uint8Array(readFileSync(new URL(`../corpus/${name}.pdf`, import.meta.url)));
      const inspection = await inspectEula(bytes, LIMIT);
      if (!inspection.ok) continue;
      try {
        const copy = await inspectEula(await stampEula(bytes, "Offer offer-corpus · for AWS account 123456789012"), LIMIT);
        if (copy.ok && copy.pageCount === inspection.pageCount) stamped += 1;
        else failures.push(`${name}: the copy is ${copy.ok ? `${copy.pageCount} pages` : copy.message}`);
      } catch (error) {
        failures.push(`${name}: ${String(error)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(stamped).toBeGreaterThanOrEqual(30);
  });
});
