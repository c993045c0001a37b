import { describe, expect, it } from "vitest";
import { json, keyValues, table } from "./output";

describe("table", () => {
  it("aligns columns two spaces apart without trailing blanks", () => {
    expect(table(["ID", "NAME"], [["offer-1", "Acme"], ["o-2", "Globex Corporation"]])).toBe(
      "ID       NAME\noffer-1  Acme\no-2      Globex Corporation\n",
    );
  });

  it("shows an empty cell as - and keeps each cell on one line", () => {
    expect(table(["A", "B", "C"], [["", "two\nlines", "x"]])).toBe("A  B          C\n-  two lines  x\n");
  });

  it("prints the header alone when there are no rows", () => {
    expect(table(["ID", "NAME"], [])).toBe("ID  NAME\n");
  });
});

describe("keyValues", () => {
  it("aligns the values after the longest key", () => {
    expect(keyValues([["ID", "offer-1"], ["Buyer URL", ""], ["  seats", "1 USD"]])).toBe(
      "ID         offer-1\nBuyer URL  -\n  seats    1 USD\n",
    );
  });
});

describe("json", () => {
  it("prints one document that parses back to the same value", () => {
    const value = { items: [{ price: "12.50" }], next: null };
    const text = json(value);
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text)).toEqual(value);
  });
});
