import { describe, expect, it } from "vitest";
import { isSpreadsheetFormula, toCsv } from "./csv";

describe("CSV", () => {
  it("writes RFC 4180: CRLF, quoting and doubled quotes", () => {
    expect(toCsv(["a", "b"], [["plain", 1], ['say "hi", twice', 2], ["line\nbreak", 3]])).toBe(
      'a,b\r\nplain,1\r\n"say ""hi"", twice",2\r\n"line\nbreak",3\r\n',
    );
  });

  it("keeps spreadsheet formulas from running", () => {
    expect(toCsv(["t"], [["=HYPERLINK(\"http://evil\")"], ["@SUM(A1)"], ["+cmd|' /C calc'!A0"], ["-2+3+cmd|' /C calc'!A0"], ["\tx"]])).toBe(
      't\r\n"\'=HYPERLINK(""http://evil"")"\r\n\'@SUM(A1)\r\n\'+cmd|\' /C calc\'!A0\r\n\'-2+3+cmd|\' /C calc\'!A0\r\n\'\tx\r\n',
    );
  });

  it("writes phone numbers and signed numbers as given", () => {
    const values = ["+1 206 555 0100", "+44 (20) 7946-0101", "555-947-8228", "-0100", "+12065550100", "-5.25"];
    expect(toCsv(["t"], values.map((value) => [value]))).toBe(`t\r\n${values.join("\r\n")}\r\n`);
    expect(values.filter(isSpreadsheetFormula)).toEqual([]);
  });
});
