import type { Product } from "@offerkit/sdk";
import type { ReactNode } from "react";
import { Term } from "../../../ui";
import { PricesSummary } from "../prices-summary";
import { describeAgreement } from "./agreement-length";
import { termsOf, type OfferFormValues } from "./offer-form-values";

/** Step 6: the terms exactly as they will be saved, each marked when it is still missing. */
export function ReviewStep({ values, product }: { values: OfferFormValues; product: Product }) {
  const terms = termsOf(values, product);
  const rows: [string, ReactNode][] = [
    ["Product", `${product.title} (${product.asin})`],
    ["Name", terms.name ?? "missing"],
    ["Buyer accounts", terms.buyerAccounts?.join(", ") ?? "missing"],
    ["Prices", <PricesSummary key="prices" pricing={terms.pricing} />],
    ["EULA", values.eula ? `${values.eula.fileName}, ${values.eula.pageCount} pages` : "missing"],
    ["Agreement", describeAgreement(values)],
    ["Acceptance deadline", terms.acceptanceDeadline ?? "missing"],
    ["Refund policy", terms.refundPolicy ?? "none"],
    ["Installments", terms.installments ? terms.installments.map((installment) => `${installment.chargeDate}: ${installment.amount} USD`).join(", ") : "paid at once"],
  ];
  return (
    <dl className="terms">
      {rows.map(([label, value]) => (
        <Term key={label} label={label} value={value} />
      ))}
    </dl>
  );
}
