import type { Product } from "@offerkit/sdk";
import type { ReactNode } from "react";
import type { FieldErrors } from "../../../errors";
import { AmountField } from "./amount-field";
import { GrantedQuantities } from "./granted-quantities-fields";
import { scheduledTableOf } from "./granted-quantities";
import type { OfferFormValues, SetFormValue } from "./offer-form-values";
import { PaymentChoice, ScheduleField } from "./payment-schedule";
import { priceRuleOf, priceTablesOf } from "./pricing-fields";

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
    return (
      <AmountField
        key={key}
        id={id}
        label={label}
        hint={hint}
        field={`pricing.${key}`}
        value={prices[key] ?? ""}
        rule={priceRuleOf(key)}
        error={errors[`pricing.${key}`]}
        onChange={(value) => onPrice(key, value)}
      />
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
      <p className="hint">Prices are in USD: 1200, 1,200.00 or $1,200 all mean the same; each field shows what it understood. A comma never marks the cents.</p>
      {general && <p className="field-error">{general}</p>}
      {(scheduled !== null || inInstallments) && <PaymentChoice payment={values.payment} schedulable={scheduled !== null} onChange={(payment) => set("payment", payment)} />}
      {body}
      {inInstallments && <ScheduleField rows={values.installments} errors={errors} onChange={(rows) => set("installments", rows)} />}
    </>
  );
}
