import { describe, expect, it } from "vitest";
import { normalizeAccounts } from "./accounts";

describe("normalizeAccounts", () => {
  it("reads account IDs with dashes or spaces as their 12 digits", () => {
    expect(normalizeAccounts(["1234-5678-9012", "1234 5678 9012", "012345678901"])).toEqual(["123456789012", "123456789012", "012345678901"]);
  });

  it("splits a pasted list on commas and line breaks", () => {
    expect(normalizeAccounts(["1111-2222-3333, 444455556666\n7777 8888 9999,"])).toEqual(["111122223333", "444455556666", "777788889999"]);
  });

  it("keeps what is not an account ID as typed, for the server to name", () => {
    expect(normalizeAccounts(["12345", "1234-5678-901x", "1234-5678-90123"])).toEqual(["12345", "1234-5678-901x", "1234-5678-90123"]);
  });
});
