import { OfferkitError } from "@offerkit/sdk";
import { describe, expect, it } from "vitest";
import { fieldErrorsOf, messageOf } from "./errors";

describe("messageOf", () => {
  it("says in the console's words what the API says in its own", () => {
    const refused = new OfferkitError("DATA_SHARING_REQUIRED", "Enroll in the data-sharing program (admin.settings.setDataSharing) before creating private offers");
    expect(messageOf(refused)).toBe("Your seller is not enrolled in the marketplace's data-sharing program, which private offers need. An admin enrolls it in Settings, Data sharing.");
    expect(messageOf(new OfferkitError("NETWORK_ERROR", "fetch failed"))).toBe("The server could not be reached. Check your connection and try again.");
  });

  it("keeps the server's message otherwise", () => {
    expect(messageOf(new OfferkitError("NOT_FOUND", "No product prod-aaaaaaaaaaaa"))).toBe("No product prod-aaaaaaaaaaaa");
    expect(messageOf(new Error("boom"))).toBe("boom");
    expect(messageOf("?")).toBe("Something went wrong.");
  });
});

describe("fieldErrorsOf", () => {
  it("keys each issue by its path, the first message of a field winning", () => {
    const error = new OfferkitError("VALIDATION_FAILED", "refused", {
      issues: [
        { path: ["buyerAccounts", 1], message: "An account ID is exactly 12 digits" },
        { path: ["buyerAccounts", 1], message: "second" },
        { path: ["name"], message: "A name is required" },
      ],
    });
    expect(fieldErrorsOf(error)).toEqual({ "buyerAccounts.1": "An account ID is exactly 12 digits", name: "A name is required" });
  });
});
