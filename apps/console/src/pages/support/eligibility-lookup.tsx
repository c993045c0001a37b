import type { EligibilityView } from "@offerkit/sdk";
import { useRef, useState, type FormEvent } from "react";
import { fieldErrorsOf } from "../../errors";
import type { Session } from "../../session";
import { Empty, ErrorNote, Field, Loading, describedBy } from "../../ui";
import { SubscriptionCard } from "./subscription-card";

type Lookup = { status: "idle" } | { status: "loading" } | { status: "error"; error: unknown } | { status: "done"; view: EligibilityView };

/** A caller's account ID in, their subscriptions to this seller's products out (`support:read`). */
export function EligibilityLookup({ session }: { session: Session }) {
  const [account, setAccount] = useState("");
  const [lookup, setLookup] = useState<Lookup>({ status: "idle" });
  const latest = useRef(0);
  const accountError = lookup.status === "error" ? fieldErrorsOf(lookup.error).account : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request = ++latest.current;
    setLookup({ status: "loading" });
    try {
      const view = await session.client.support.lookup({ account: account.trim() });
      if (request === latest.current) setLookup({ status: "done", view });
    } catch (error) {
      if (request === latest.current) setLookup({ status: "error", error });
    }
  };

  return (
    <section aria-labelledby="lookup-heading" className="panel">
      <h2 id="lookup-heading">Customer eligibility</h2>
      <form className="filters" onSubmit={submit} noValidate>
        <Field id="lookup-account" label="Account ID" hint="The caller's 12-digit account ID. Every lookup is recorded: who looked up which account, and when." error={accountError}>
          <input value={account} onChange={(event) => setAccount(event.target.value)} inputMode="numeric" autoComplete="off" {...describedBy("lookup-account", accountError, true)} />
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
