import type { Product } from "@offerkit/sdk";
import type { ReactNode } from "react";
import { Term } from "../../../ui";
import { InstallmentsSummary } from "../installments-summary";
import { PricesSummary } from "../prices-summary";
import { describeAgreement, durationUnitOf } from "./agreement-length";
import { termsOf, type OfferFormValues } from "./offer-form-values";
import { scheduleTotal } from "./schedule-total";

/** Step 6: the terms exactly as they will be saved, each marked when it is still missing. */
export function ReviewStep({ values, product }: { values: OfferFormValues; product: Product }) {
  const terms = termsOf(values, product);
  const rows: [string, ReactNode][] = [
    ["Product", `${product.title} (${product.asin})`],
    ["Name", terms.name ?? "missing"],
    ["Buyer accounts", terms.buyerAccounts?.join(", ") ?? "missing"],
    ["Prices", <PricesSummary key="prices" pricing={terms.pricing} />],
    ["EULA", values.eula ? `${values.eula.fileName}, ${values.eula.pageCount} pages` : "missing"],
    ["Agreement", describeAgreement(values, durationUnitOf(product.pricing.model))],
    ["Acceptance deadline", terms.acceptanceDeadline ?? "missing"],
    ["Refund policy", terms.refundPolicy ?? "none"],
    ["Installments", <InstallmentsSummary key="installments" installments={terms.installments} total={terms.installments ? scheduleTotal(terms.installments) : null} />],
  ];
  return (
    <dl className="terms">
      {rows.map(([label, value]) => (
        <Term key={label} label={label} value={value} />
      ))}
    </dl>
  );
}
