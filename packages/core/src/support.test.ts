import { describe, expect, it } from "vitest";
import { USAGE_MAX_AGE_HOURS, usageHourProblem } from "./support";

describe("the hours usage may be reported for", () => {
  const now = new Date("2027-05-01T12:34:56.000Z");
  const hour = (iso: string) => usageHourProblem(new Date(iso), now);

  it("takes the current hour and the six whole hours before it", () => {
    expect(USAGE_MAX_AGE_HOURS).toBe(6);
    expect(hour("2027-05-01T12:00:00.000Z")).toBeNull();
    expect(hour("2027-05-01T06:00:00.000Z")).toBeNull();
  });

  it("refuses an hour that has not begun, and one older than that", () => {
    expect(hour("2027-05-01T13:00:00.000Z")).toBe("Usage cannot be reported for an hour that has not begun");
    expect(hour("2027-05-01T05:00:00.000Z")).toBe("Usage more than 6 hours old is refused");
  });

  it("takes an hour from the moment it begins", () => {
    expect(usageHourProblem(new Date("2027-05-01T13:00:00.000Z"), new Date("2027-05-01T13:00:00.000Z"))).toBeNull();
    expect(usageHourProblem(new Date("2027-05-01T13:00:00.000Z"), new Date("2027-05-01T12:59:59.999Z"))).not.toBeNull();
  });
});
