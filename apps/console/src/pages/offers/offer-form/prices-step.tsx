import type { Product } from "@offerkit/sdk";
import type { ReactNode } from "react";
import type { FieldErrors } from "../../../errors";
import { Field, describedBy } from "../../../ui";
import { GrantedQuantities } from "./granted-quantities-fields";
import { scheduledTableOf } from "./granted-quantities";
import type { OfferFormValues, SetFormValue } from "./offer-form-values";
import { PaymentChoice, ScheduleField } from "./payment-schedule";
import { priceTablesOf } from "./pricing-fields";

/**
 * Step 3: a price for exactly the product's dimensions, in each table its pricing model asks
 * for; or, paid in installments, the quantity each dimension is granted and the schedule.
 */
export function PricesStep({ product, values, errors, set }: { product: Product; values: OfferFormValues; errors: FieldErrors; set: SetFormValue }) {
  const { pricing } = product;
  const { prices } = values;
  const scheduled = scheduledTableOf(pricing);
  const inInstallments = values.payment === "installments";
  const general = errors.pricing ?? errors["pricing.model"];
  const onPrice = (key: string, value: string) => set("prices", { ...prices, [key]: value });
  const input = (key: string, label: string, hint?: string) => {
    const id = `price-${key.replace(".", "-")}`;
    const error = errors[`pricing.${key}`];
    return (
      <Field key={key} id={id} label={label} hint={hint} error={error}>
        <input {...describedBy(id, error, Boolean(hint))} inputMode="decimal" placeholder="0.00" value={prices[key] ?? ""} onChange={(event) => onPrice(key, event.target.value)} />
      </Field>
    );
  };
  let body: ReactNode;
  if (pricing.model === "free" || pricing.model === "byol") body = <p>This product is {pricing.model === "free" ? "free" : "bring your own license"}: the offer has no prices.</p>;
  else if (pricing.model === "monthly") body = input("monthlyFee", "USD per month", "Prorated by day in the first and last month.");
  else
    body = priceTablesOf(pricing).map((table) =>
      inInstallments && scheduled?.priceKey === table.key ? (
        <GrantedQuantities key={table.key} table={scheduled} dimensions={pricing.dimensions} prices={prices} errors={errors} onChange={onPrice} />
      ) : (
        <fieldset key={table.key}>
          <legend>{table.label}</legend>
          {pricing.dimensions.map((dimension) => input(`${table.key}.${dimension.key}`, `${dimension.name} (${dimension.key})`))}
        </fieldset>
      ),
    );
  return (
    <>
      <p className="hint">Prices are in USD, written with a dot: 1200 or 0.125.</p>
      {general && <p className="field-error">{general}</p>}
      {(scheduled !== null || inInstallments) && <PaymentChoice payment={values.payment} schedulable={scheduled !== null} onChange={(payment) => set("payment", payment)} />}
      {body}
      {inInstallments && <ScheduleField text={values.installments} errors={errors} onChange={(text) => set("installments", text)} />}
    </>
  );
}
