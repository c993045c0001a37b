import { describe, expect, it } from "vitest";
import { localValueOf, replayRangeOf, utcInstantOf } from "./utc-range";

describe("utcInstantOf", () => {
  it("reads a datetime-local value as UTC, with or without seconds", () => {
    expect(utcInstantOf("2027-01-20T14:05")).toBe("2027-01-20T14:05:00.000Z");
    expect(utcInstantOf("2027-01-20T14:05:30")).toBe("2027-01-20T14:05:30.000Z");
  });
  it("refuses what is no such value", () => {
    expect(utcInstantOf("")).toBeNull();
    expect(utcInstantOf("2027-01-20")).toBeNull();
    expect(utcInstantOf("2027-13-40T25:00")).toBeNull();
  });
});

describe("replayRangeOf", () => {
  it("gives the API's since and until", () => {
    expect(replayRangeOf("2027-01-20T14:00", "2027-01-20T15:00")).toEqual({ since: "2027-01-20T14:00:00.000Z", until: "2027-01-20T15:00:00.000Z" });
  });
  it("names each missing field", () => {
    expect(replayRangeOf("", "")).toEqual({ errors: { since: expect.any(String), until: expect.any(String) } });
  });
  it("refuses an end before the start, at the end", () => {
    expect(replayRangeOf("2027-01-20T15:00", "2027-01-20T14:00")).toEqual({ errors: { until: "The end comes after the start" } });
    expect(replayRangeOf("2027-01-20T15:00", "2027-01-20T15:00")).toEqual({ errors: { until: "The end comes after the start" } });
  });
});

describe("localValueOf", () => {
  it("writes an instant in UTC to the minute", () => {
    expect(localValueOf(new Date("2027-01-20T14:05:59.999Z"))).toBe("2027-01-20T14:05");
  });
});
