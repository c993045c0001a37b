import { describe, expect, it } from "vitest";
import { unstorableTextIssue } from "./storable-text";

describe("text every database can store", () => {
  it("finds a NUL character anywhere in an input, and names the field", () => {
    expect(unstorableTextIssue({ name: "Acme\u0000" })).toEqual({ path: ["name"], message: "Text cannot contain the NUL character (\\u0000)" });
    expect(unstorableTextIssue({ pricing: { contract: { "seats\u0000": "1" } } })?.path).toEqual(["pricing", "contract", "seats\u0000"]);
    expect(unstorableTextIssue({ buyerAccounts: ["123456789012", "\u0000"] })?.path).toEqual(["buyerAccounts", 1]);
    expect(unstorableTextIssue("\u0000")?.path).toEqual([]);
  });

  it("takes any other text, numbers and nothing", () => {
    for (const fine of [{ name: "Acme ™ 日本 \u0001 \t\n" }, [1, true, null], undefined, 42, "", { a: { b: [{ c: "d" }] } }]) expect(unstorableTextIssue(fine)).toBeNull();
  });

  it("stops looking past a depth no input has", () => {
    let deep: unknown = "\u0000";
    for (let level = 0; level < 100; level += 1) deep = { level: deep };
    expect(unstorableTextIssue(deep)).toBeNull();
  });
});
