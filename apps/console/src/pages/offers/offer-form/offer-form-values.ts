import type { EulaDocumentView, OfferView, Product } from "@offerkit/sdk";
import { agreementInputsOf, agreementOf, durationUnitOf, type AgreementInputs, type AgreementTerm } from "./agreement-length";
import { buyerAccountsText, parseBuyerAccounts } from "./buyer-accounts";
import { paymentOf, type FormPricing, type Payment } from "./granted-quantities";
import { installmentRowsOf, installmentsToSend, type InstallmentInput, type InstallmentRow } from "./installments";
import { offerPricingOf, priceInputsOf, type PriceInputs } from "./pricing-fields";

/** What the form holds, as typed; turned into the API's terms on submit. */
export interface OfferFormValues extends AgreementInputs {
  productId: string;
  name: string;
  description: string;
  buyerAccounts: string;
  prices: PriceInputs;
  /** At once, at the prices; or in installments, the schedule carrying the money. */
  payment: Payment;
  eula: EulaDocumentView | null;
  acceptanceDeadline: string;
  refundPolicy: string;
  /** The payment schedule, one row per charge: a date and an amount as typed. */
  installments: InstallmentRow[];
}

/** Changes one value of the form. */
export type SetFormValue = <K extends keyof OfferFormValues>(key: K, value: OfferFormValues[K]) => void;

/** The terms a new or edited offer is saved with. */
export interface OfferTermsInput {
  productId: string;
  name?: string;
  description?: string;
  buyerAccounts?: string[];
  pricing?: FormPricing;
  eulaSha256?: string;
  agreement?: AgreementTerm;
  acceptanceDeadline?: string;
  refundPolicy?: string;
  installments?: InstallmentInput[];
}

/** The terms of a draft the form edits. */
export type DraftTerms = Pick<
  OfferView,
  "productId" | "name" | "description" | "buyerAccounts" | "pricing" | "eula" | "agreement" | "acceptanceDeadline" | "refundPolicy" | "installments"
>;

/** The form's values for a draft, or empty ones (with `productId` chosen, if given) for a new offer. */
export function valuesOf(offer: DraftTerms | null, productId = ""): OfferFormValues {
  return {
    productId: offer?.productId ?? productId,
    name: offer?.name ?? "",
    description: offer?.description ?? "",
    buyerAccounts: buyerAccountsText(offer?.buyerAccounts ?? []),
    prices: priceInputsOf(offer?.pricing ?? null),
    payment: paymentOf(offer),
    eula: offer?.eula ?? null,
    ...agreementInputsOf(offer?.agreement ?? null),
    acceptanceDeadline: offer?.acceptanceDeadline ?? "",
    refundPolicy: offer?.refundPolicy ?? "",
    installments: installmentRowsOf(offer?.installments),
  };
}

/** Text trimmed, or undefined when nothing but spaces was typed. */
function trimmed(value: string): string | undefined {
  const text = value.trim();
  return text === "" ? undefined : text;
}

/**
 * The terms the form describes; what is left empty is left out, and the server says what is
 * missing. Amounts go as understood (`30,000.00` -> `30000.00`), or as typed when they cannot
 * be read, for the server to refuse at their field. The schedule is sent only when the rep
 * chose to be paid in installments.
 */
export function termsOf(values: OfferFormValues, product: Pick<Product, "pricing">): OfferTermsInput {
  const name = trimmed(values.name);
  const description = trimmed(values.description);
  const accounts = parseBuyerAccounts(values.buyerAccounts);
  const agreement = agreementOf(values, durationUnitOf(product.pricing.model));
  const refundPolicy = trimmed(values.refundPolicy);
  const installments = values.payment === "installments" ? installmentsToSend(values.installments) : [];
  return {
    productId: values.productId,
    ...(name !== undefined && { name }),
    ...(description !== undefined && { description }),
    ...(accounts.length > 0 && { buyerAccounts: accounts }),
    pricing: offerPricingOf(product.pricing, values.prices, values.payment),
    ...(values.eula && { eulaSha256: values.eula.sha256 }),
    ...(agreement && { agreement }),
    ...(values.acceptanceDeadline && { acceptanceDeadline: values.acceptanceDeadline }),
    ...(refundPolicy !== undefined && { refundPolicy }),
    ...(installments.length > 0 && { installments }),
  };
}
