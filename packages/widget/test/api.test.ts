import { describe, expect, inject, it } from "vitest";
import { fetchOfferBanner, shareSupportContact } from "../src/index";

const apiUrl = inject("apiUrl");
const scenario = inject("scenario");
const contact = { givenName: "Ada", surname: "Lovelace", organization: "Acme", email: "ada@acme.example", phone: "+12065550100" };

describe("the widget's calls to the server", () => {
  it("refuse a malformed server URL before any request", async () => {
    await expect(fetchOfferBanner({ apiUrl: "javascript:alert(1)", buyerToken: "t" }, "B00635Y2IW")).rejects.toMatchObject({ code: "BAD_CONFIGURATION" });
  });

  it("say when no server answers, or none that lets this page read it", async () => {
    await expect(fetchOfferBanner({ apiUrl: "http://127.0.0.1:9", buyerToken: "t" }, "B00635Y2IW")).rejects.toMatchObject({ code: "NETWORK_ERROR", status: null });
    // The server's 404 page carries no CORS permission: the browser hides it from the page.
    await expect(fetchOfferBanner({ apiUrl: `${apiUrl}/elsewhere`, buyerToken: "t" }, "B00635Y2IW")).rejects.toMatchObject({ code: "NETWORK_ERROR" });
  });

  it("carry the server's field errors for hostile input", async () => {
    const refused = shareSupportContact(
      { apiUrl, buyerToken: scenario.targetedToken },
      { subscriptionId: scenario.subscriptionId, consent: true, contact: { ...contact, givenName: "x".repeat(10_000), email: "<script>@x" } },
    );
    await expect(refused).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      status: 400,
      issues: expect.arrayContaining([
        { path: ["contact", "givenName"], message: "A given name has at most 100 characters" },
        expect.objectContaining({ path: ["contact", "email"] }),
      ]),
    });
  });

  it("are refused without consent whatever the page sends", async () => {
    const refused = shareSupportContact({ apiUrl, buyerToken: scenario.targetedToken }, { subscriptionId: scenario.subscriptionId, consent: false, contact });
    await expect(refused).rejects.toMatchObject({ code: "CONSENT_REQUIRED" });
  });
});
