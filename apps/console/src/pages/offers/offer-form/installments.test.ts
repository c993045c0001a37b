import { describe, expect, it } from "vitest";
import { installmentsError, installmentsText, parseInstallments } from "./installments";

describe("parseInstallments", () => {
  it("reads `date amount`, one installment per line, as the hint shows", () => {
    expect(parseInstallments("2028-01-15 50000.00\n2029-01-15 50000.00")).toEqual([
      { chargeDate: "2028-01-15", amount: "50000.00" },
      { chargeDate: "2029-01-15", amount: "50000.00" },
    ]);
  });

  it("takes a comma, a semicolon, a tab or several spaces between the date and the amount", () => {
    expect(parseInstallments("2028-01-15, 50000\n2028-02-15;50000\n2028-03-15\t50000\n2028-04-15    50000")).toEqual([
      { chargeDate: "2028-01-15", amount: "50000" },
      { chargeDate: "2028-02-15", amount: "50000" },
      { chargeDate: "2028-03-15", amount: "50000" },
      { chargeDate: "2028-04-15", amount: "50000" },
    ]);
  });

  it("reads rows pasted from a spreadsheet, with Windows line ends and blank lines", () => {
    expect(parseInstallments("2028-01-15\t2000.00\r\n\r\n2028-07-15\t3428.50\r\n")).toEqual([
      { chargeDate: "2028-01-15", amount: "2000.00" },
      { chargeDate: "2028-07-15", amount: "3428.50" },
    ]);
  });

  it("keeps an amount with a thousands comma whole, so 30,000.00 is never read as 30", () => {
    const [installment] = parseInstallments("2027-01-20 30,000.00");
    expect(installment).toEqual({ chargeDate: "2027-01-20", amount: "30,000.00" });
    expect(installment?.amount).not.toBe("30");
  });

  it("keeps thousands commas whole after a comma separator too", () => {
    expect(parseInstallments("2027-01-20,1,250,000.00")).toEqual([{ chargeDate: "2027-01-20", amount: "1,250,000.00" }]);
  });

  it("keeps an amount grouped with spaces whole, so 30 000 is never read as 30", () => {
    expect(parseInstallments("2027-01-20 30 000")).toEqual([{ chargeDate: "2027-01-20", amount: "30 000" }]);
  });

  it("takes the currency written after the amount, as the hint's USD invites", () => {
    expect(parseInstallments("2028-01-15 50000.00 USD\n2029-01-15 12.5usd")).toEqual([
      { chargeDate: "2028-01-15", amount: "50000.00" },
      { chargeDate: "2029-01-15", amount: "12.5" },
    ]);
  });

  it("sends what it cannot read as typed, for the server to name by line", () => {
    expect(parseInstallments("15/01/2028 50000\n2028-01-15\n2028-03-15 fifty thousand\n2028-04-15 $5000")).toEqual([
      { chargeDate: "15/01/2028", amount: "50000" },
      { chargeDate: "2028-01-15", amount: "" },
      { chargeDate: "2028-03-15", amount: "fifty thousand" },
      { chargeDate: "2028-04-15", amount: "$5000" },
    ]);
  });

  it("keeps a minus sign and decimals as typed: the server decides what an amount may be", () => {
    expect(parseInstallments("2028-01-15 -100\n2028-02-15 0.001")).toEqual([
      { chargeDate: "2028-01-15", amount: "-100" },
      { chargeDate: "2028-02-15", amount: "0.001" },
    ]);
  });

  it("is empty when the box is empty or blank (the offer is paid at once)", () => {
    expect(parseInstallments("")).toEqual([]);
    expect(parseInstallments("  \n\t\n")).toEqual([]);
  });
});

describe("installmentsText", () => {
  it("writes a draft's schedule one `date amount` per line, which reads back the same", () => {
    const schedule = [
      { chargeDate: "2028-01-15", amount: "2000" },
      { chargeDate: "2028-07-15", amount: "3428.5" },
    ];
    expect(installmentsText(schedule)).toBe("2028-01-15 2000\n2028-07-15 3428.5");
    expect(parseInstallments(installmentsText(schedule))).toEqual(schedule);
  });

  it("is empty for a draft paid at once", () => {
    expect(installmentsText([])).toBe("");
  });
});

describe("installmentsError", () => {
  it("is undefined when the server found nothing wrong with the schedule", () => {
    expect(installmentsError({})).toBeUndefined();
    expect(installmentsError({ refundPolicy: "A refund policy has 1 to 500 characters" })).toBeUndefined();
  });

  it("names the line of an installment's error, counting from 1", () => {
    expect(installmentsError({ "installments.1.amount": "An installment is more than 0 USD" })).toBe("Line 2: An installment is more than 0 USD");
  });

  it("shows an error about the whole schedule as it is", () => {
    expect(installmentsError({ installments: "At most one installment may fall on or before the acceptance deadline (2028-01-31)" })).toBe(
      "At most one installment may fall on or before the acceptance deadline (2028-01-31)",
    );
  });

  it("joins several errors in the server's order", () => {
    expect(installmentsError({ "installments.0.chargeDate": "A date is written YYYY-MM-DD", installments: "A payment schedule has at most 60 installments" })).toBe(
      "Line 1: A date is written YYYY-MM-DD A payment schedule has at most 60 installments",
    );
  });
});
