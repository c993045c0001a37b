import { accountIdSchema, type IssuedBuyerToken } from "@offerkit/sdk";
import { useState, type FormEvent } from "react";
import { normalizeAccountId } from "../offers/offer-form/buyer-accounts";
import type { Session } from "../../session";
import { ErrorNote, Field, describedBy } from "../../ui";
import { useFormAction } from "../../use-action";
import { SecretOnce } from "./secret-once";

/**
 * A buyer token: signs a client in as one buyer account of this server. It stands in for the
 * marketplace's buyer sign-in where this server is the buyers' marketplace (a local setup, a
 * demo, a partner's test); to bring one buyer to one offer, the offer's invitation link is simpler.
 */
export function BuyerTokens({ session, onIssued }: { session: Session; onIssued: () => void }) {
  const [account, setAccount] = useState("");
  const [name, setName] = useState("");
  const [issued, setIssued] = useState<IssuedBuyerToken | null>(null);
  const { busy, failure, errors, refuse, submit: send } = useFormAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Account IDs are often copied as 1234-5678-9012: read as the offer form reads them.
    const digits = normalizeAccountId(account);
    const checked = accountIdSchema.safeParse(digits);
    if (!checked.success) return refuse({ account: checked.error.issues[0]?.message ?? "An account ID is 12 digits" });
    await send(async () => {
      setIssued(await session.client.admin.buyerTokens.issue({ account: digits, ...(name.trim() !== "" && { name: name.trim() }) }));
      setAccount("");
      setName("");
      onIssued();
    });
  };
  return (
    <section className="panel" aria-labelledby="buyer-tokens-heading">
      <h2 id="buyer-tokens-heading">Buyer tokens</h2>
      <p className="muted">
        A buyer token signs a client in as one buyer account, for buyers who accept offers on this server rather than on a marketplace. To bring one buyer to one offer, use the
        invitation link on the offer's page instead.
      </p>
      {issued && <SecretOnce label={`Buyer token for account ${issued.account}`} secret={issued.secret} onDone={() => setIssued(null)} />}
      <form onSubmit={submit} noValidate className="inline-form">
        <Field id="token-account" label="Buyer account ID" hint="12 digits; dashes and spaces are ignored." error={errors.account}>
          <input {...describedBy("token-account", errors.account, true)} value={account} inputMode="numeric" autoComplete="off" onChange={(event) => setAccount(event.target.value)} />
        </Field>
        <Field id="token-name" label="Name (optional)" error={errors.name}>
          <input {...describedBy("token-name", errors.name)} value={name} autoComplete="off" onChange={(event) => setName(event.target.value)} />
        </Field>
        <button type="submit" disabled={busy}>
          {busy ? "Issuing..." : "Issue buyer token"}
        </button>
      </form>
      {failure !== undefined && <ErrorNote error={failure} />}
    </section>
  );
}
