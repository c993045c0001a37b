import { describe, expect, it } from "vitest";
import { agreementInputsOf, agreementOf, describeAgreement } from "./agreement-length";

const months = (value: string) => ({ agreementKind: "duration" as const, months: value, endDate: "" });
const until = (value: string) => ({ agreementKind: "endDate" as const, months: "12", endDate: value });

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
    expect(agreementOf({ agreementKind: "duration", months: "6", endDate: "2029-06-30" })).toEqual({ kind: "duration", duration: "P6M" });
    expect(agreementOf({ agreementKind: "endDate", months: "6", endDate: "2029-06-30" })).toEqual({ kind: "endDate", endDate: "2029-06-30" });
  });
});

describe("agreementInputsOf", () => {
  it("starts a new offer at 12 months", () => {
    expect(agreementInputsOf(null)).toEqual({ agreementKind: "duration", months: "12", endDate: "" });
  });

  it("shows a draft's months", () => {
    expect(agreementInputsOf({ kind: "duration", duration: "P36M" })).toEqual({ agreementKind: "duration", months: "36", endDate: "" });
  });

  it("shows a draft's end date, with the months at their default should the rep switch", () => {
    expect(agreementInputsOf({ kind: "endDate", endDate: "2029-06-30" })).toEqual({ agreementKind: "endDate", months: "12", endDate: "2029-06-30" });
  });

  it("gives back the same agreement a draft was saved with", () => {
    for (const agreement of [{ kind: "duration", duration: "P7M" }, { kind: "endDate", endDate: "2030-01-31" }] as const) {
      expect(agreementOf(agreementInputsOf(agreement))).toEqual(agreement);
    }
  });
});

describe("describeAgreement", () => {
  it("says the months or the end date, as the review shows them", () => {
    expect(describeAgreement(months("12"))).toBe("12 months");
    expect(describeAgreement(months(" 24 "))).toBe("24 months");
    expect(describeAgreement(until("2029-06-30"))).toBe("until 2029-06-30");
  });

  it("says missing when the chosen kind is empty", () => {
    expect(describeAgreement(months(""))).toBe("missing");
    expect(describeAgreement(until(""))).toBe("missing");
  });
});
