import { describe, expect, it } from "vitest";
import { refusedFields } from "./publication-details";

describe("refusedFields", () => {
  it("lists each reason under the field it names, in the marketplace's order", () => {
    expect(
      refusedFields([
        { code: "INVALID_INPUT", message: "RefundPolicy has a character outside the allowed set", field: "refundPolicy" },
        { code: "INVALID_INPUT", message: "Installment 2 falls after the agreement ends", field: "installments" },
        { code: "INVALID_INPUT", message: "RefundPolicy is longer than 500 characters", field: "refundPolicy" },
      ]),
    ).toEqual([
      {
        label: "Refund policy",
        field: "refundPolicy",
        reasons: [
          { code: "INVALID_INPUT", message: "RefundPolicy has a character outside the allowed set" },
          { code: "INVALID_INPUT", message: "RefundPolicy is longer than 500 characters" },
        ],
      },
      { label: "Installments", field: "installments", reasons: [{ code: "INVALID_INPUT", message: "Installment 2 falls after the agreement ends" }] },
    ]);
  });

  it("puts reasons that name no field last, under the offer as a whole", () => {
    expect(
      refusedFields([
        { code: "THROTTLING", message: "Rate exceeded" },
        { code: "INVALID_INPUT", message: "The EULA cannot be read", field: "eulaSha256" },
      ]).map(({ label, field }) => [label, field]),
    ).toEqual([
      ["EULA", "eulaSha256"],
      ["The offer as a whole", null],
    ]);
  });

  it("shows a field it has no name for as the publisher wrote it", () => {
    expect(refusedFields([{ code: "INVALID_INPUT", message: "Unknown", field: "targeting" }])[0]?.label).toBe("targeting");
  });

  it("has nothing to list without reasons", () => {
    expect(refusedFields([])).toEqual([]);
  });
});
