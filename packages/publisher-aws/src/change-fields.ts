/**
 * Which field of an Offerkit offer each change of its change set carries, so that a problem
 * the marketplace (or the shapes check) reports on a change reaches the rep as the field to fix.
 */
const fieldOfChange: Record<string, string> = {
  CreateOffer: "productId",
  UpdateInformation: "name",
  UpdateTargeting: "buyerAccounts",
  UpdatePricingTerms: "pricing",
  UpdateLegalTerms: "eulaSha256",
  UpdateSupportTerms: "refundPolicy",
  UpdateValidityTerms: "agreement",
  UpdatePaymentScheduleTerms: "installments",
  UpdateAvailability: "acceptanceDeadline",
};

/** The offer field behind a change; `UpdateInformation` carries two, told apart by the detail's field. */
export function offerFieldOf(changeType: string | undefined, detailField = ""): string | undefined {
  if (changeType === "UpdateInformation" && detailField.includes("Description")) return "description";
  return changeType === undefined ? undefined : fieldOfChange[changeType];
}
