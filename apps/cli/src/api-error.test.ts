import { OfferkitError } from "@offerkit/sdk";
import { describe, expect, it } from "vitest";
import { describeApiError } from "./api-error";

describe("describeApiError", () => {
  it("prints the code and message", () => {
    expect(describeApiError(new OfferkitError("NOT_FOUND", "No offer offer-x"))).toEqual(["NOT_FOUND: No offer offer-x"]);
  });

  it("keeps a lone field issue that is the whole message on one line", () => {
    const issue = { path: ["buyerAccounts", 0], message: "An account ID is exactly 12 digits" };
    const error = new OfferkitError("VALIDATION_FAILED", "buyerAccounts.0: An account ID is exactly 12 digits", { issues: [issue] });
    expect(describeApiError(error)).toEqual(["VALIDATION_FAILED: buyerAccounts.0: An account ID is exactly 12 digits"]);
  });

  it("puts every field issue on its own line with its path, the first one too", () => {
    // The SDK's message: the server's first issue, then the others it left out in brackets.
    const error = new OfferkitError(
      "VALIDATION_FAILED",
      "buyerAccounts.0: An account ID is exactly 12 digits (pricing.contract.seats: A price is a decimal string)",
      {
        issues: [
          { path: ["buyerAccounts", 0], message: "An account ID is exactly 12 digits" },
          { path: ["pricing", "contract", "seats"], message: "A price is a decimal string" },
        ],
      },
    );
    expect(describeApiError(error)).toEqual([
      "VALIDATION_FAILED: 2 fields are invalid",
      "  buyerAccounts.0: An account ID is exactly 12 digits",
      "  pricing.contract.seats: A price is a decimal string",
    ]);
  });

  it("cuts the issues a message joins on one line out of its headline", () => {
    const error = new OfferkitError("OFFER_NOT_SENDABLE", "Offer offer-x cannot be sent: name: A name is required; eulaSha256: A EULA PDF is required", {
      issues: [
        { path: ["name"], message: "A name is required" },
        { path: ["eulaSha256"], message: "A EULA PDF is required" },
      ],
    });
    expect(describeApiError(error)).toEqual([
      "OFFER_NOT_SENDABLE: Offer offer-x cannot be sent",
      "  name: A name is required",
      "  eulaSha256: A EULA PDF is required",
    ]);
  });

  it("says an issue that repeats the message once", () => {
    const said = "The EULA PDF has no pages.";
    const error = new OfferkitError("EULA_NO_PAGES", said, { issues: [{ path: ["file"], message: said }] });
    expect(describeApiError(error)).toEqual([`EULA_NO_PAGES: ${said}`]);
  });

  it("keeps each line whole whatever the server sends", () => {
    const error = new OfferkitError("INTERNAL", "first\nsecond", { issues: [{ path: [], message: "multi\nline" }] });
    expect(describeApiError(error)).toEqual(["INTERNAL: first second", "  input: multi line"]);
  });
});
