import { describe, expect, it } from "vitest";
import { agreementInputsOf, agreementOf, describeAgreement, durationUnitOf } from "./agreement-length";

const months = (value: string) => ({ agreementKind: "duration" as const, months: value, days: "365", endDate: "" });
const days = (value: string) => ({ agreementKind: "duration" as const, months: "12", days: value, endDate: "" });
const until = (value: string) => ({ agreementKind: "endDate" as const, months: "12", days: "365", endDate: value });

describe("durationUnitOf", () => {
  it("counts a contract in months and every hourly or metered offer in days", () => {
    expect(durationUnitOf("saas_contract")).toBe("months");
    for (const model of ["hourly", "hourly_annual", "usage", "saas_subscription"] as const) expect(durationUnitOf(model)).toBe("days");
  });
});

describe("agreementOf", () => {
  it("makes a number of months an ISO 8601 duration", () => {
    expect(agreementOf(months("12"))).toEqual({ kind: "duration", duration: "P12M" });
    expect(agreementOf(months("36"))).toEqual({ kind: "duration", duration: "P36M" });
  });

  it("ignores spaces around the months", () => {
    expect(agreementOf(months(" 24 "))).toEqual({ kind: "duration", duration: "P24M" });
  });

  it("leaves the agreement out when the months are empty, so the server says it is missing", () => {
    expect(agreementOf(months(""))).toBeUndefined();
    expect(agreementOf(months("   "))).toBeUndefined();
  });

  it("sends months that are not a whole number as typed, for the server to refuse", () => {
    expect(agreementOf(months("1.5"))).toEqual({ kind: "duration", duration: "P1.5M" });
    expect(agreementOf(months("twelve"))).toEqual({ kind: "duration", duration: "PtwelveM" });
  });

  it("uses the end date from the date picker", () => {
    expect(agreementOf(until("2029-06-30"))).toEqual({ kind: "endDate", endDate: "2029-06-30" });
  });

  it("leaves the agreement out when no end date is picked, whatever the months say", () => {
    expect(agreementOf(until(""))).toBeUndefined();
  });

  it("ignores the end date while months are chosen, and the months while an end date is", () => {
    expect(agreementOf({ agreementKind: "duration", months: "6", days: "", endDate: "2029-06-30" })).toEqual({ kind: "duration", duration: "P6M" });
    expect(agreementOf({ agreementKind: "endDate", months: "6", days: "", endDate: "2029-06-30" })).toEqual({ kind: "endDate", endDate: "2029-06-30" });
  });

  it("makes a number of days an ISO 8601 duration for an hourly or metered offer, ignoring the months", () => {
    expect(agreementOf(days("365"), "days")).toEqual({ kind: "duration", duration: "P365D" });
    expect(agreementOf(days(" 1095 "), "days")).toEqual({ kind: "duration", duration: "P1095D" });
    expect(agreementOf(days(""), "days")).toBeUndefined();
    expect(agreementOf(days("1,095"), "days")).toEqual({ kind: "duration", duration: "P1,095D" });
  });
});

describe("agreementInputsOf", () => {
  it("starts a new offer at 12 months, or 365 days", () => {
    expect(agreementInputsOf(null)).toEqual({ agreementKind: "duration", months: "12", days: "365", endDate: "" });
  });

  it("shows a draft's months, or its days", () => {
    expect(agreementInputsOf({ kind: "duration", duration: "P36M" })).toEqual({ agreementKind: "duration", months: "36", days: "", endDate: "" });
    expect(agreementInputsOf({ kind: "duration", duration: "P730D" })).toEqual({ agreementKind: "duration", months: "", days: "730", endDate: "" });
  });

  it("shows a draft's end date, with the durations at their default should the rep switch", () => {
    expect(agreementInputsOf({ kind: "endDate", endDate: "2029-06-30" })).toEqual({ agreementKind: "endDate", months: "12", days: "365", endDate: "2029-06-30" });
  });

  it("gives back the same agreement a draft was saved with", () => {
    for (const agreement of [{ kind: "duration", duration: "P7M" }, { kind: "endDate", endDate: "2030-01-31" }] as const) {
      expect(agreementOf(agreementInputsOf(agreement))).toEqual(agreement);
    }
    expect(agreementOf(agreementInputsOf({ kind: "duration", duration: "P90D" }), "days")).toEqual({ kind: "duration", duration: "P90D" });
  });
});

describe("describeAgreement", () => {
  it("says the months or the end date, as the review shows them", () => {
    expect(describeAgreement(months("12"))).toBe("12 months");
    expect(describeAgreement(months(" 24 "))).toBe("24 months");
    expect(describeAgreement(until("2029-06-30"))).toBe("until 2029-06-30");
    expect(describeAgreement(days("90"), "days")).toBe("90 days");
  });

  it("says missing when the chosen kind is empty", () => {
    expect(describeAgreement(months(""))).toBe("missing");
    expect(describeAgreement(until(""))).toBe("missing");
  });
});
