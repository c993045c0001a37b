import { OfferkitError } from "@offerkit/sdk";
import { describe, expect, it } from "vitest";
import { describeApiError } from "./api-error";

describe("describeApiError", () => {
  it("prints the code and message", () => {
    expect(describeApiError(new OfferkitError("NOT_FOUND", "No offer offer-x"))).toBe("NOT_FOUND: No offer offer-x");
  });

  it("appends the field issues the message leaves out, once each", () => {
    const error = new OfferkitError("VALIDATION_FAILED", "buyerAccounts.0: An account ID is exactly 12 digits", {
      issues: [
        { path: ["buyerAccounts", 0], message: "An account ID is exactly 12 digits" },
        { path: ["pricing", "contract", "seats"], message: "A price is a decimal string" },
      ],
    });
    expect(describeApiError(error)).toBe(
      "VALIDATION_FAILED: buyerAccounts.0: An account ID is exactly 12 digits; pricing.contract.seats: A price is a decimal string",
    );
  });

  it("says an issue that repeats the message once", () => {
    const said = "The EULA PDF has no pages.";
    const error = new OfferkitError("EULA_NO_PAGES", said, { issues: [{ path: ["file"], message: said }] });
    expect(describeApiError(error)).toBe(`EULA_NO_PAGES: ${said}`);
  });

  it("keeps to one line whatever the server sends", () => {
    const error = new OfferkitError("INTERNAL", "first\nsecond", { issues: [{ path: [], message: "multi\nline" }] });
    expect(describeApiError(error)).toBe("INTERNAL: first second; input: multi line");
  });
});
