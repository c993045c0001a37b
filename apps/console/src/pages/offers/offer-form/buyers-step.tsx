import { MAX_BUYER_ACCOUNTS, accountIdSchema } from "@offerkit/sdk";
import type { FieldErrors } from "../../../errors";
import { Field, describedBy } from "../../../ui";
import { buyerAccountsError, buyerAccountsText, parseBuyerAccounts } from "./buyer-accounts";
import type { OfferFormValues, SetFormValue } from "./offer-form-values";

const isAccountId = (text: string) => accountIdSchema.safeParse(text).success;

/**
 * Step 2: the buyer accounts the offer targets. Whatever is pasted (`1234-5678-9012`, spaces,
 * a list split by commas or lines) is read as 12-digit IDs, shown back as understood, and the
 * box is rewritten one per line when it is left; a wrong one is named in the error.
 */
export function BuyersStep({ values, errors, set }: { values: OfferFormValues; errors: FieldErrors; set: SetFormValue }) {
  const error = buyerAccountsError(errors, values.buyerAccounts);
  const accounts = parseBuyerAccounts(values.buyerAccounts);
  const tidy = () => {
    const text = buyerAccountsText(accounts);
    if (text !== values.buyerAccounts) set("buyerAccounts", text);
  };
  const described = describedBy("buyer-accounts", error, true);
  const understood = accounts.length > 0 ? "buyer-accounts-understood buyer-accounts-list" : "";
  return (
    <Field id="buyer-accounts" label="Buyer account IDs" hint={`12 digits each, up to ${MAX_BUYER_ACCOUNTS}: paste them as they come (1234-5678-9012, with spaces, or a list split by commas or lines).`} error={error}>
      <textarea {...described} aria-describedby={[described["aria-describedby"], understood].filter(Boolean).join(" ") || undefined} data-field="buyerAccounts" rows={4} spellCheck={false} value={values.buyerAccounts} onChange={(event) => set("buyerAccounts", event.target.value)} onBlur={tidy} />
      {accounts.length > 0 && (
        <div className="accounts-understood">
          <p className="hint" id="buyer-accounts-understood">
            Understood as {accounts.length} account{accounts.length === 1 ? "" : "s"}:
          </p>
          <ul className="account-chips" id="buyer-accounts-list" aria-labelledby="buyer-accounts-understood">
            {accounts.map((account, index) => (
              <li key={`${index}-${account}`} className={isAccountId(account) ? "account-chip" : "account-chip account-chip-wrong"}>
                {account}
                {!isAccountId(account) && <span className="visually-hidden"> (not 12 digits)</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Field>
  );
}
