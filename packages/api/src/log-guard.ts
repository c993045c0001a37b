import { afterAll, expect } from "vitest";
import { personalDataPattern } from "./personal-data-pattern";

/**
 * A test setup file: records every console line of a test run (and still prints it), then
 * fails the run if any holds the personal data the suites share as support contacts.
 */
const lines: string[] = [];

for (const method of ["log", "info", "warn", "error", "debug"] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    lines.push(args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg) ?? String(arg))).join(" "));
    original(...args);
  };
}

afterAll(() => {
  expect(lines.filter((line) => personalDataPattern.test(line))).toEqual([]);
});
