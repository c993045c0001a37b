import type { EligibilityView } from "@offerkit/sdk";
import { useRef, useState, type FormEvent } from "react";
import { fieldErrorsOf } from "../../errors";
import type { Session } from "../../session";
import { Empty, ErrorNote, Field, Loading, describedBy } from "../../ui";
import { SubscriptionCard } from "./subscription-card";

type Lookup = { status: "idle" } | { status: "loading" } | { status: "error"; error: unknown } | { status: "done"; view: EligibilityView };

/** A caller's account ID (or a SaaS customer identifier) in, their subscriptions to this seller's products out (`support:read`). */
export function EligibilityLookup({ session }: { session: Session }) {
  const [account, setAccount] = useState("");
  const [lookup, setLookup] = useState<Lookup>({ status: "idle" });
  const latest = useRef(0);
  const errors = lookup.status === "error" ? fieldErrorsOf(lookup.error) : {};
  const accountError = errors.account ?? errors.customerIdentifier;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request = ++latest.current;
    setLookup({ status: "loading" });
    try {
      const wanted = account.trim();
      // Digits alone are an account ID (checked as one); anything else is a SaaS customer identifier.
      const view = await session.client.support.lookup(/^\d+$/.test(wanted) ? { account: wanted } : { customerIdentifier: wanted });
      if (request === latest.current) setLookup({ status: "done", view });
    } catch (error) {
      if (request === latest.current) setLookup({ status: "error", error });
    }
  };

  return (
    <section aria-labelledby="lookup-heading" className="panel">
      <h2 id="lookup-heading">Customer eligibility</h2>
      <form className="filters" onSubmit={submit} noValidate>
        <Field id="lookup-account" label="Account ID" hint="The caller's 12-digit account ID, or a SaaS customer's customer identifier. Every lookup is recorded: who looked up which account, and when." error={accountError}>
          <input value={account} onChange={(event) => setAccount(event.target.value)} autoComplete="off" {...describedBy("lookup-account", accountError, true)} />
        </Field>
        <div className="field">
          <button type="submit" className="primary" disabled={lookup.status === "loading"}>
            Look up
          </button>
        </div>
      </form>
      {lookup.status === "loading" && <Loading what="the account's subscriptions" />}
      {lookup.status === "error" && !accountError && <ErrorNote error={lookup.error} />}
      {lookup.status === "done" && <LookupResult session={session} view={lookup.view} />}
    </section>
  );
}

function LookupResult({ session, view }: { session: Session; view: EligibilityView }) {
  if (view.subscriptions.length === 0) {
    return (
      <Empty>
        Account <span className="mono">{view.account}</span> has no subscription to your products, so it is not eligible for support through them.
      </Empty>
    );
  }
  const count = view.subscriptions.length;
  return (
    <div className="lookup-result">
      <p role="status">
        Account <span className="mono">{view.account}</span>: {count} {count === 1 ? "subscription" : "subscriptions"} to your products, as of {view.lookedUpAt.slice(0, 16).replace("T", " ")} UTC.
      </p>
      {view.subscriptions.map((subscription) => (
        <SubscriptionCard key={subscription.id} session={session} subscription={subscription} />
      ))}
    </div>
  );
}
