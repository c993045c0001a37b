import { fromUnits, toUnits, type AgreementTerm, type Installment, type OfferTerms } from "@offerkit/core";
import type { Json } from "./json";
import { pricingTermsDocument } from "./pricing-terms";

export const CATALOG = "AWSMarketplace";
export const OFFER_ENTITY_TYPE = "Offer@1.0";
/** The name of the change that creates the offer; later changes refer to the offer through it. */
export const CREATE_OFFER_CHANGE = "CreateOfferChange";

/** One change of a `StartChangeSet` request, with its details as a document (never a JSON string). */
export interface OfferChange {
  ChangeType: string;
  ChangeName?: string;
  Entity: { Type: string; Identifier?: string };
  DetailsDocument: { [key: string]: Json };
}

export interface OfferChangeSetInput {
  /** The product's entity ID in the Catalog API (`prod-...`). */
  catalogProductId: string;
  terms: OfferTerms;
  /** Where the marketplace fetches the EULA PDF: a presigned S3 URL. */
  eulaUrl: string;
}

const createdOffer = { Type: OFFER_ENTITY_TYPE, Identifier: `$${CREATE_OFFER_CHANGE}.Entity.Identifier` };

function change(ChangeType: string, DetailsDocument: { [key: string]: Json }): OfferChange {
  return { ChangeType, Entity: createdOffer, DetailsDocument };
}

function validityTerm(agreement: AgreementTerm): Json {
  return agreement.kind === "duration"
    ? { Type: "ValidityTerm", AgreementDuration: agreement.duration }
    : { Type: "ValidityTerm", AgreementEndDate: agreement.endDate };
}

/** Charges in cents on calendar days: the marketplace invoices at 00:00 UTC of each. */
function paymentScheduleTerm(installments: Installment[]): Json {
  return {
    Type: "PaymentScheduleTerm",
    CurrencyCode: "USD",
    Schedule: installments.map((installment) => ({
      ChargeDate: installment.chargeDate,
      ChargeAmount: fromUnits(toUnits(installment.amount), 2),
    })),
  };
}

/**
 * The whole private offer as one ordered change set: create it for the product, describe it,
 * target the buyers, price it, attach the EULA and refund policy, set how long the agreement
 * runs, its payment schedule if it has one, and until when it may be accepted, then release it
 * to the buyers. Pure: the same terms
 * always make the same changes, which is what makes a retry of the request safe to compare.
 */
export function offerChangeSet({ catalogProductId, terms, eulaUrl }: OfferChangeSetInput): OfferChange[] {
  const changes: OfferChange[] = [
    {
      ChangeType: "CreateOffer",
      ChangeName: CREATE_OFFER_CHANGE,
      Entity: { Type: OFFER_ENTITY_TYPE },
      DetailsDocument: { ProductId: catalogProductId },
    },
    change("UpdateInformation", { Name: terms.name, Description: terms.description }),
    change("UpdateTargeting", { PositiveTargeting: { BuyerAccounts: terms.buyerAccounts } }),
    change("UpdatePricingTerms", pricingTermsDocument(terms.pricing, terms.agreement, terms.installments !== undefined)),
    change("UpdateLegalTerms", { Terms: [{ Type: "LegalTerm", Documents: [{ Type: "CustomEula", Url: eulaUrl }] }] }),
  ];
  // Every offer the marketplace takes moves money, and core asks each for a refund policy; one
  // without (a zero-priced usage offer) sends no support term rather than an empty policy.
  if (terms.refundPolicy !== undefined) {
    changes.push(change("UpdateSupportTerms", { Terms: [{ Type: "SupportTerm", RefundPolicy: terms.refundPolicy }] }));
  }
  changes.push(change("UpdateValidityTerms", { Terms: [validityTerm(terms.agreement)] }));
  if (terms.installments !== undefined) {
    changes.push(change("UpdatePaymentScheduleTerms", { Terms: [paymentScheduleTerm(terms.installments)] }));
  }
  changes.push(change("UpdateAvailability", { AvailabilityEndDate: terms.acceptanceDeadline }), change("ReleaseOffer", {}));
  return changes;
}
