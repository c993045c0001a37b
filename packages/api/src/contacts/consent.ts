import { OfferkitError } from "@offerkit/core";

export function requireConsent(consent: boolean): void {
  if (!consent) {
    throw new OfferkitError("CONSENT_REQUIRED", "Tick the consent box: a contact is shared with the seller, for product support only", [
      { path: ["consent"], message: "Consent is required" },
    ]);
  }
}
