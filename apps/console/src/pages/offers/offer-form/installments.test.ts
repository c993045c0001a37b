import { describe, expect, it } from "vitest";
import {
  MAX_INSTALLMENTS,
  addInstallmentRow,
  installmentRowsOf,
  installmentsIssues,
  installmentsToSend,
  pasteInstallmentRows,
  removeInstallmentRow,
  scheduleError,
  sentIndexes,
  type InstallmentRow,
} from "./installments";

const row = (key: number, chargeDate: string, amount: string): InstallmentRow => ({ key, chargeDate, amount });

describe("installment rows", () => {
  it("start with one empty row, or a draft's schedule", () => {
    expect(installmentRowsOf(null)).toEqual([row(1, "", "")]);
    expect(installmentRowsOf([{ chargeDate: "2027-01-20", amount: "30000" }])).toEqual([row(1, "2027-01-20", "30000")]);
  });

  it("are added up to the marketplace's 60, each with its own key", () => {
    let rows = installmentRowsOf(null);
    for (let count = 1; count < 70; count += 1) rows = addInstallmentRow(rows);
    expect(rows).toHaveLength(MAX_INSTALLMENTS);
    expect(new Set(rows.map((item) => item.key)).size).toBe(MAX_INSTALLMENTS);
  });

  it("are removed by key, the last one emptied rather than gone", () => {
    const rows = [row(1, "2027-01-20", "1"), row(2, "2027-02-20", "2")];
    expect(removeInstallmentRow(rows, 1)).toEqual([row(2, "2027-02-20", "2")]);
    expect(removeInstallmentRow([row(2, "2027-02-20", "2")], 2)).toEqual([row(3, "", "")]);
  });
});

describe("installmentsToSend", () => {
  it("sends 30,000.00 as 30000.00: the bug that cut it to 30 cannot happen", () => {
    expect(installmentsToSend([row(1, "2027-01-20", "30,000.00")])).toEqual([{ chargeDate: "2027-01-20", amount: "30000.00" }]);
  });

  it("skips rows left empty and sends what it cannot read as typed, for the server to name", () => {
    expect(installmentsToSend([row(1, "", ""), row(2, "2027-01-20", "30,00"), row(3, " 2027-02-20 ", "$1,000")])).toEqual([
      { chargeDate: "2027-01-20", amount: "30,00" },
      { chargeDate: "2027-02-20", amount: "1000" },
    ]);
  });
});

describe("installmentsIssues", () => {
  it("refuses an ambiguous amount at its row, saying why", () => {
    const errors = installmentsIssues([row(1, "2027-01-20", "30,00")], false);
    expect(Object.keys(errors)).toEqual(["installments.0.amount"]);
    expect(errors["installments.0.amount"]).toMatch(/ambiguous/);
  });

  it("uses core's rules and words: cents at most, a real date, one charge per day", () => {
    expect(installmentsIssues([row(1, "2027-01-20", "10.005")], false)).toEqual({ "installments.0.amount": "An installment has at most 2 decimal places" });
    expect(installmentsIssues([row(1, "2027-02-30", "10")], false)).toEqual({ "installments.0.chargeDate": "That date does not exist" });
    expect(installmentsIssues([row(1, "2027-01-20", "10"), row(2, "2027-01-20", "20")], false)).toEqual({
      "installments.1.chargeDate": "Two installments fall on 2027-01-20; each needs its own day",
    });
  });

  it("asks for what is missing only before moving on", () => {
    expect(installmentsIssues([row(1, "2027-01-20", "")], false)).toEqual({});
    expect(installmentsIssues([row(1, "2027-01-20", "")], true)).toEqual({ "installments.0.amount": "Type the amount charged on this day, e.g. 30,000.00" });
    expect(installmentsIssues([row(1, "", "")], true)).toEqual({ installments: "A payment schedule has at least one installment" });
    expect(installmentsIssues([row(1, "", "")], false)).toEqual({});
  });

  it("keys each error by the row's place in what is sent, skipping empty rows", () => {
    const rows = [row(1, "", ""), row(2, "2027-01-20", "1,5")];
    expect(Object.keys(installmentsIssues(rows, false))).toEqual(["installments.0.amount"]);
    expect(sentIndexes(rows)).toEqual([undefined, 0]);
  });

  it("is content with a good schedule", () => {
    expect(installmentsIssues([row(1, "2027-01-20", "$30,000"), row(2, "2027-07-20", "30 000.50")], true)).toEqual({});
  });
});

describe("scheduleError", () => {
  it("keeps the errors about the whole schedule, not a row's", () => {
    expect(scheduleError({ installments: "At most one installment may fall on or before the acceptance deadline (2027-03-31)", "installments.0.amount": "x" })).toBe(
      "At most one installment may fall on or before the acceptance deadline (2027-03-31)",
    );
    expect(scheduleError({ "installments.0.amount": "x" })).toBeUndefined();
  });
});

describe("pasteInstallmentRows", () => {
  const rows = [row(1, "", ""), row(2, "2028-01-20", "5")];

  it("turns a schedule pasted from a spreadsheet into rows, in place of the row pasted into", () => {
    expect(pasteInstallmentRows(rows, 1, "2027-01-20\t30,000.00\r\n2027-07-20\t30 000.50\r\n")).toEqual([
      row(3, "2027-01-20", "30,000.00"),
      row(4, "2027-07-20", "30 000.50"),
      row(2, "2028-01-20", "5"),
    ]);
  });

  it("takes lines from an email, the amount whole after a comma or spaces", () => {
    expect(pasteInstallmentRows([row(1, "", "")], 1, "2027-01-20, $30,000\n2027-07-20  30000.5")).toEqual([row(2, "2027-01-20", "$30,000"), row(3, "2027-07-20", "30000.5")]);
  });

  it("leaves an amount pasted alone, or text that is not a schedule, to the field", () => {
    expect(pasteInstallmentRows(rows, 1, "30,000.00")).toBeUndefined();
    expect(pasteInstallmentRows(rows, 1, "2027-01-20 30,000.00")).toBeUndefined();
    expect(pasteInstallmentRows(rows, 1, "first\nsecond")).toBeUndefined();
  });

  it("stops at 60 rows", () => {
    const lines = Array.from({ length: 70 }, (_, index) => `2030-01-${String((index % 28) + 1).padStart(2, "0")}\t${index + 1}`).join("\n");
    expect(pasteInstallmentRows([row(1, "", "")], 1, lines)).toHaveLength(MAX_INSTALLMENTS);
  });
});
