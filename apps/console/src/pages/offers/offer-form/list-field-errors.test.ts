import { describe, expect, it } from "vitest";
import { listFieldErrors } from "./list-field-errors";

describe("listFieldErrors", () => {
  it("finds the errors of a list's items with their index", () => {
    expect(listFieldErrors({ "installments.0.chargeDate": "A date is written YYYY-MM-DD", "installments.2.amount": "An installment is more than 0 USD" }, "installments")).toEqual([
      { index: 0, message: "A date is written YYYY-MM-DD" },
      { index: 2, message: "An installment is more than 0 USD" },
    ]);
  });

  it("finds an error about the whole list without an index", () => {
    expect(listFieldErrors({ buyerAccounts: "An offer targets at most 25 buyer accounts" }, "buyerAccounts")).toEqual([
      { index: undefined, message: "An offer targets at most 25 buyer accounts" },
    ]);
  });

  it("leaves out other fields, including ones whose names start the same", () => {
    expect(listFieldErrors({ name: "A name is required", installmentsNote: "not a field of ours", "installments.1.amount": "An installment is more than 0 USD" }, "installments")).toEqual([
      { index: 1, message: "An installment is more than 0 USD" },
    ]);
  });

  it("gives no index to a second segment that is not a whole number", () => {
    expect(listFieldErrors({ "installments.first": "odd", "installments.1.5": "odder" }, "installments")).toEqual([
      { index: undefined, message: "odd" },
      { index: 1, message: "odder" },
    ]);
  });

  it("is empty without errors", () => {
    expect(listFieldErrors({}, "installments")).toEqual([]);
  });
});
