import { describe, expect, it } from "vitest";
import { buyerAccountsError, buyerAccountsIssues, buyerAccountsText, normalizeAccountId, parseBuyerAccounts } from "./buyer-accounts";

const TWELVE_DIGITS = "An account ID is exactly 12 digits, e.g. 123456789012";

describe("parseBuyerAccounts", () => {
  it("reads one account per line, as the hint asks", () => {
    expect(parseBuyerAccounts("012345678901\n111122223333")).toEqual(["012345678901", "111122223333"]);
  });

  it("reads accounts separated by commas, semicolons or spaces, as pasted from an email", () => {
    expect(parseBuyerAccounts("012345678901, 111122223333;444455556666 777788889999")).toEqual(["012345678901", "111122223333", "444455556666", "777788889999"]);
  });

  it("reads a column pasted from a spreadsheet, with Windows line ends and tabs", () => {
    expect(parseBuyerAccounts("012345678901\r\n111122223333\t\r\n")).toEqual(["012345678901", "111122223333"]);
  });

  it("keeps leading zeros: an account ID is text, not a number", () => {
    expect(parseBuyerAccounts("000000000042")).toEqual(["000000000042"]);
  });

  it("ignores blank lines and stray separators around the list", () => {
    expect(parseBuyerAccounts("\n  012345678901 ,\n\n,")).toEqual(["012345678901"]);
  });

  it("is empty when nothing but separators is typed", () => {
    expect(parseBuyerAccounts("")).toEqual([]);
    expect(parseBuyerAccounts(" ,; \n")).toEqual([]);
  });

  it("sends a malformed ID as typed, for the server to name it", () => {
    expect(parseBuyerAccounts("012345678901\n12345\nacme-prod")).toEqual(["012345678901", "12345", "acme-prod"]);
  });

  it("keeps the accounts in the order typed, duplicates included, so the server's indexes match", () => {
    expect(parseBuyerAccounts("111122223333\n012345678901\n111122223333")).toEqual(["111122223333", "012345678901", "111122223333"]);
  });
});

describe("buyerAccountsText", () => {
  it("puts a draft's accounts one per line, and reads back the same", () => {
    const accounts = ["012345678901", "111122223333"];
    expect(buyerAccountsText(accounts)).toBe("012345678901\n111122223333");
    expect(parseBuyerAccounts(buyerAccountsText(accounts))).toEqual(accounts);
  });

  it("is empty for a draft without accounts", () => {
    expect(buyerAccountsText([])).toBe("");
  });
});

describe("buyerAccountsError", () => {
  it("is undefined when the server found nothing wrong with the accounts", () => {
    expect(buyerAccountsError({}, "012345678901")).toBeUndefined();
    expect(buyerAccountsError({ name: "A name is required" }, "012345678901")).toBeUndefined();
  });

  it("names the refused account as the rep typed it", () => {
    expect(buyerAccountsError({ "buyerAccounts.1": TWELVE_DIGITS }, "012345678901\n12345")).toBe(`12345: ${TWELVE_DIGITS}`);
  });

  it("finds the refused account among accounts separated by commas", () => {
    expect(buyerAccountsError({ "buyerAccounts.2": "Account 012345678901 is listed twice" }, "012345678901, 111122223333, 012345678901")).toBe(
      "012345678901: Account 012345678901 is listed twice",
    );
  });

  it("shows an error about the whole list as it is", () => {
    expect(buyerAccountsError({ buyerAccounts: "An offer targets at most 25 buyer accounts" }, "012345678901")).toBe("An offer targets at most 25 buyer accounts");
  });

  it("numbers the account when the text no longer has that many (it changed since the server answered)", () => {
    expect(buyerAccountsError({ "buyerAccounts.3": TWELVE_DIGITS }, "012345678901")).toBe(`Account 4: ${TWELVE_DIGITS}`);
  });

  it("joins several errors in the server's order", () => {
    expect(buyerAccountsError({ "buyerAccounts.0": TWELVE_DIGITS, "buyerAccounts.2": TWELVE_DIGITS }, "1234\n012345678901\n98765")).toBe(
      `1234: ${TWELVE_DIGITS} 98765: ${TWELVE_DIGITS}`,
    );
  });
});

describe("account IDs as people paste them", () => {
  it("reads dashes, spaces and dots inside an ID as grouping, and keeps its 12 digits", () => {
    expect(parseBuyerAccounts("1234-5678-9012")).toEqual(["123456789012"]);
    expect(parseBuyerAccounts("1234 5678 9012, 0000-1111-2222\n3333.4444.5555")).toEqual(["123456789012", "000011112222", "333344445555"]);
  });

  it("keeps what has not 12 digits as typed, to be named as it was written", () => {
    expect(parseBuyerAccounts("12345-6789-01")).toEqual(["12345-6789-01"]);
  });
});

describe("buyerAccountsIssues", () => {
  it("names each malformed account at its index, in core's words", () => {
    expect(buyerAccountsIssues("012345678901\n12345-6789-01", false)).toEqual({ "buyerAccounts.1": TWELVE_DIGITS });
  });

  it("names a repeat after normalising, as the server would", () => {
    expect(buyerAccountsIssues("1234-5678-9012\n123456789012", false)).toEqual({ "buyerAccounts.1": "Account 123456789012 is listed twice" });
  });

  it("asks for an account only when the step is left", () => {
    expect(buyerAccountsIssues(" ", false)).toEqual({});
    expect(buyerAccountsIssues(" ", true)).toEqual({ buyerAccounts: "At least one buyer account is required" });
  });

  it("is content with good accounts", () => {
    expect(buyerAccountsIssues("1234-5678-9012, 000011112222", true)).toEqual({});
  });
});

describe("normalizeAccountId", () => {
  it("reads one account as the list does: its 12 digits when it has them, else as typed", () => {
    expect(normalizeAccountId(" 1234-5678-9012 ")).toBe("123456789012");
    expect(normalizeAccountId("1234 5678 9012")).toBe("123456789012");
    expect(normalizeAccountId("12345-6789-01")).toBe("12345-6789-01");
    expect(normalizeAccountId("12-345")).toBe("12-345");
  });
});
