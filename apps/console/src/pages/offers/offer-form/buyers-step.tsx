import type { FieldErrors } from "../../../errors";
import { Field, describedBy } from "../../../ui";
import { buyerAccountsError } from "./buyer-accounts";
import type { OfferFormValues, SetFormValue } from "./offer-form-values";

/** Step 2: the buyer accounts the offer targets; a refused account is named in the error. */
export function BuyersStep({ values, errors, set }: { values: OfferFormValues; errors: FieldErrors; set: SetFormValue }) {
  const error = buyerAccountsError(errors, values.buyerAccounts);
  return (
    <Field id="buyer-accounts" label="Buyer account IDs" hint="12 digits each; one per line, or separated by commas." error={error}>
      <textarea {...describedBy("buyer-accounts", error, true)} rows={4} value={values.buyerAccounts} onChange={(event) => set("buyerAccounts", event.target.value)} />
    </Field>
  );
}
