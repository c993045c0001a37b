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
});
