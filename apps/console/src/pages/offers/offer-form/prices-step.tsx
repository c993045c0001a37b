import type { Product } from "@offerkit/sdk";
import type { ReactNode } from "react";
import type { FieldErrors } from "../../../errors";
import { Field, describedBy } from "../../../ui";
import { priceTablesOf, type PriceInputs } from "./pricing-fields";

/** Step 3: a price for exactly the product's dimensions, in each table its pricing model asks for. */
export function PricesStep({ product, prices, errors, onChange }: { product: Product; prices: PriceInputs; errors: FieldErrors; onChange: (prices: PriceInputs) => void }) {
  const { pricing } = product;
  const general = errors.pricing ?? errors["pricing.model"];
  const input = (key: string, label: string, hint?: string) => {
    const id = `price-${key.replace(".", "-")}`;
    const error = errors[`pricing.${key}`];
    return (
      <Field key={key} id={id} label={label} hint={hint} error={error}>
        <input {...describedBy(id, error, Boolean(hint))} inputMode="decimal" placeholder="0.00" value={prices[key] ?? ""} onChange={(event) => onChange({ ...prices, [key]: event.target.value })} />
      </Field>
    );
  };
  let body: ReactNode;
  if (pricing.model === "free" || pricing.model === "byol") body = <p>This product is {pricing.model === "free" ? "free" : "bring your own license"}: the offer has no prices.</p>;
  else if (pricing.model === "monthly") body = input("monthlyFee", "USD per month", "Prorated by day in the first and last month.");
  else
    body = priceTablesOf(pricing).map((table) => (
      <fieldset key={table.key}>
        <legend>{table.label}</legend>
        {pricing.dimensions.map((dimension) => input(`${table.key}.${dimension.key}`, `${dimension.name} (${dimension.key})`))}
      </fieldset>
    ));
  return (
    <>
      <p className="hint">Prices are in USD, written with a dot: 1200 or 0.125.</p>
      {general && <p className="field-error">{general}</p>}
      {body}
    </>
  );
}
