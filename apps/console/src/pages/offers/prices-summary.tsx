import type { FormPricing } from "./offer-form/granted-quantities";
import { noPricesText, priceLinesOf } from "./price-lines";

/** An offer's prices as a list, on its page and in the form's review. */
export function PricesSummary({ pricing, names }: { pricing: FormPricing | null | undefined; names?: Readonly<Record<string, string>> }) {
  const lines = pricing ? priceLinesOf(pricing, names) : [];
  if (lines.length === 0) return <>{noPricesText(pricing)}</>;
  return (
    <ul className="plain">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
