import type { Product } from "@offerkit/sdk";
import type { ReactNode } from "react";
import type { FieldErrors } from "../../../errors";
import { InstallmentsSummary } from "../installments-summary";
import { PricesSummary } from "../prices-summary";
import { describeAgreement, durationUnitOf } from "./agreement-length";
import { stepOf, type StepName } from "./form-steps";
import { termsOf, type OfferFormValues } from "./offer-form-values";
import { scheduleTotal } from "./schedule-total";

interface ReviewRow {
  label: string;
  value: ReactNode;
  /** The step holding the field, to go back and change it. */
  step: StepName;
  /** The error path the row covers, to mark it when the form or the server found something. */
  field: string;
}

const missing = <em className="review-missing">missing</em>;

/**
 * Step 6: every term exactly as it will be saved, the internal description included, each
 * marked when it is still missing or holds an error, with a button back to its step.
 */
export function ReviewStep({ values, product, errors, onGo }: { values: OfferFormValues; product: Product; errors: FieldErrors; onGo: (step: number) => void }) {
  const terms = termsOf(values, product);
  const rows: ReviewRow[] = [
    { label: "Product", value: `${product.title} (${product.asin})`, step: "Product", field: "productId" },
    { label: "Offer name", value: terms.name ?? missing, step: "Product", field: "name" },
    { label: "Internal description", value: terms.description ?? missing, step: "Product", field: "description" },
    {
      label: "Buyer accounts",
      value: terms.buyerAccounts ? (
        <ul className="plain account-chips">
          {terms.buyerAccounts.map((account) => (
            <li key={account} className="account-chip">
              {account}
            </li>
          ))}
        </ul>
      ) : (
        missing
      ),
      step: "Buyers",
      field: "buyerAccounts",
    },
    { label: "Prices", value: <PricesSummary pricing={terms.pricing} />, step: "Prices", field: "pricing" },
    {
      label: "Installments",
      value: <InstallmentsSummary installments={terms.installments} total={terms.installments ? scheduleTotal(terms.installments) : null} />,
      step: "Prices",
      field: "installments",
    },
    { label: "EULA", value: values.eula ? `${values.eula.fileName}, ${values.eula.pageCount} page${values.eula.pageCount === 1 ? "" : "s"}` : missing, step: "EULA", field: "eulaSha256" },
    { label: "Agreement", value: describeAgreement(values, durationUnitOf(product.pricing.model)), step: "Terms", field: "agreement" },
    { label: "Acceptance deadline", value: terms.acceptanceDeadline ? `${terms.acceptanceDeadline}, until 23:59:59 UTC` : missing, step: "Terms", field: "acceptanceDeadline" },
    { label: "Refund policy", value: terms.refundPolicy ?? "none", step: "Terms", field: "refundPolicy" },
  ];
  const errorOf = (field: string) => Object.entries(errors).find(([path]) => path === field || path.startsWith(`${field}.`))?.[1];
  return (
    <dl className="terms review-terms">
      {rows.map((row) => {
        const error = errorOf(row.field);
        return (
          <div key={row.label} className={error ? "review-invalid" : undefined}>
            <dt>{row.label}</dt>
            <dd>
              {row.value}
              {error && <p className="field-error">{error}</p>}
              <button type="button" className="link-button review-change" aria-label={`Change ${row.label.toLowerCase()}`} onClick={() => onGo(stepOf(row.field))}>
                Change
              </button>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

