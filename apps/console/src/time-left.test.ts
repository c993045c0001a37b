import { describe, expect, it } from "vitest";
import { deadlineText, timeLeft } from "./time-left";

const at = (iso: string) => new Date(iso);

describe("timeLeft", () => {
  it("counts to the end of the deadline's UTC day", () => {
    expect(timeLeft("2027-03-31", at("2027-03-01T00:00:00Z"))).toBe("31 days left");
    expect(timeLeft("2027-03-31", at("2027-03-31T00:00:00Z"))).toBe("24 h left");
    expect(timeLeft("2027-03-31", at("2027-03-31T23:30:00Z"))).toBe("less than 1 h left");
    expect(timeLeft("2027-03-31", at("2027-03-31T23:59:59Z"))).toBe("less than 1 h left");
  });

  it("says passed once the day is over", () => {
    expect(timeLeft("2027-03-31", at("2027-04-01T00:00:00Z"))).toBe("passed");
  });
});

describe("deadlineText", () => {
  it("says buyers can accept through 23:59:59 UTC of the day, and how long is left", () => {
    expect(deadlineText("2027-03-31", at("2027-03-01T12:00:00Z"))).toBe("2027-03-31, buyers can accept until 23:59:59 UTC (30 days left)");
    expect(deadlineText("2027-03-31", at("2027-03-31T20:00:00Z"))).toBe("2027-03-31, buyers can accept until 23:59:59 UTC (4 h left)");
  });

  it("speaks in the past once the day is over", () => {
    expect(deadlineText("2027-03-31", at("2027-04-02T00:00:00Z"))).toBe("2027-03-31, buyers could accept until 23:59:59 UTC (passed)");
  });
});
