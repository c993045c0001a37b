import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("CSV", () => {
  it("writes RFC 4180: CRLF, quoting and doubled quotes", () => {
    expect(toCsv(["a", "b"], [["plain", 1], ['say "hi", twice', 2], ["line\nbreak", 3]])).toBe(
      'a,b\r\nplain,1\r\n"say ""hi"", twice",2\r\n"line\nbreak",3\r\n',
    );
  });

  it("keeps spreadsheet formulas from running", () => {
    expect(toCsv(["t"], [["=HYPERLINK(\"http://evil\")"], ["+1"], ["-2"], ["@SUM(A1)"]])).toBe(
      't\r\n"\'=HYPERLINK(""http://evil"")"\r\n\'+1\r\n\'-2\r\n\'@SUM(A1)\r\n',
    );
  });
});
