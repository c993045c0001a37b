import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limiter";

describe("the rate limiter", () => {
  it("lets the limit through per key and minute, then says how many seconds to wait", () => {
    let now = Date.parse("2027-03-01T12:00:15.500Z");
    const limiter = createRateLimiter(3, () => now);
    expect([1, 2, 3].map(() => limiter.take("203.0.113.7"))).toEqual([0, 0, 0]);
    expect(limiter.take("203.0.113.7")).toBe(45);
    expect(limiter.take("198.51.100.2")).toBe(0);
    now = Date.parse("2027-03-01T12:00:59.900Z");
    expect(limiter.take("203.0.113.7")).toBe(1);
    now = Date.parse("2027-03-01T12:01:00.000Z");
    expect(limiter.take("203.0.113.7")).toBe(0);
  });

  it("never refuses with a limit of 0", () => {
    const limiter = createRateLimiter(0, () => 0);
    expect(Array.from({ length: 1000 }, () => limiter.take("k")).every((wait) => wait === 0)).toBe(true);
  });

  it("counts keys past its memory together, so a flood of made-up keys cannot switch the limit off", () => {
    const limiter = createRateLimiter(3, () => 0, 100);
    for (let n = 0; n < 100; n += 1) expect(limiter.take(`made-up-${n}`)).toBe(0);
    // The memory is full: new keys share one count, and are refused together past the limit.
    expect([0, 1, 2, 3, 4].map((n) => limiter.take(`late-${n}`))).toEqual([0, 0, 0, 60, 60]);
    // Keys already counted keep their own count.
    expect([1, 2, 3].map(() => limiter.take("made-up-7"))).toEqual([0, 0, 60]);
  });
});
