import type { Dimension } from "@offerkit/sdk";
import type { FieldErrors } from "../../../errors";
import { Field, describedBy } from "../../../ui";
import type { ScheduledTable } from "./granted-quantities";
import type { PriceInputs } from "./pricing-fields";

/**
 * Paid in installments, the upfront table asks how many of each dimension the buyer gets for the
 * term instead of a price per unit: the form sends those prices as 0, and says so.
 */
export function GrantedQuantities({
  table,
  dimensions,
  prices,
  errors,
  onChange,
}: {
  table: ScheduledTable;
  dimensions: readonly Dimension[];
  prices: PriceInputs;
  errors: FieldErrors;
  onChange: (key: string, value: string) => void;
}) {
  const general = errors[`pricing.${table.quantityField}`] ?? errors[`pricing.${table.priceKey}`];
  return (
    <fieldset>
      <legend>{table.label}</legend>
      <p className="note">With installments, the schedule carries the money: each unit's upfront price is 0.</p>
      <p className="hint">{table.hint}</p>
      {general && <p className="field-error">{general}</p>}
      {dimensions.map((dimension) => {
        const id = `quantity-${dimension.key}`;
        const error = errors[`pricing.${table.quantityField}.${dimension.key}`] ?? errors[`pricing.${table.priceKey}.${dimension.key}`];
        return (
          <Field key={dimension.key} id={id} label={`${dimension.name} (${dimension.key})`} error={error}>
            <input {...describedBy(id, error)} data-field={`pricing.${table.quantityField}.${dimension.key}`} inputMode="numeric" placeholder={table.example} value={prices[`quantity.${dimension.key}`] ?? ""} onChange={(event) => onChange(`quantity.${dimension.key}`, event.target.value)} />
          </Field>
        );
      })}
    </fieldset>
  );
}
