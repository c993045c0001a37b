import type { IssuedApiKey, Scope } from "@offerkit/sdk";
import { useState, type FormEvent } from "react";
import type { FieldErrors } from "../../errors";
import type { Session } from "../../session";
import { SCOPE_DESCRIPTIONS, SCOPES } from "../../scopes";
import { ErrorNote, Field, describedBy } from "../../ui";
import { useFormAction } from "../../use-action";
import { SecretOnce } from "./secret-once";

/** A new seller API key with the scopes chosen; its secret is shown once, here. */
export function NewApiKey({ session, onIssued }: { session: Session; onIssued: () => void }) {
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<Scope[]>([]);
  const [issued, setIssued] = useState<IssuedApiKey | null>(null);
  const { busy, failure, errors, setErrors, refuse, submit: send } = useFormAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {
      ...(name.trim() === "" && { name: "Give the key a name that says what it is for" }),
      ...(chosen.length === 0 && { scopes: "Choose at least one scope" }),
    };
    if (Object.keys(missing).length > 0) return refuse(missing);
    await send(async () => {
      // Sent in the form's order, whatever order they were ticked in.
      setIssued(await session.client.admin.apiKeys.create({ name, scopes: SCOPES.filter((scope) => chosen.includes(scope)) }));
      setName("");
      setChosen([]);
      onIssued();
    });
  };
  const toggle = (scope: Scope, on: boolean) => {
    setChosen((previous) => (on ? [...previous, scope] : previous.filter((value) => value !== scope)));
    setErrors(({ scopes: _scopes, ...rest }) => rest);
  };
  const scopesError = errors.scopes ?? Object.entries(errors).find(([key]) => key.startsWith("scopes."))?.[1];

  return (
    <section className="panel" aria-labelledby="new-key-heading">
      <h2 id="new-key-heading">New API key</h2>
      {issued && <SecretOnce label={`API key "${issued.name}"`} secret={issued.secret} onDone={() => setIssued(null)} />}
      <form onSubmit={submit} noValidate>
        <Field id="key-name" label="Name" hint="What the key is for, e.g. CRM integration or Jane's console." error={errors.name}>
          <input {...describedBy("key-name", errors.name, true)} value={name} autoComplete="off" onChange={(event) => setName(event.target.value)} />
        </Field>
        <fieldset className="scope-list" aria-describedby={scopesError ? "scopes-error" : "scopes-hint"}>
          <legend>Scopes</legend>
          <p className="hint" id="scopes-hint">
            Give a key only what it needs. A key never shows its secret again after this page.
          </p>
          {SCOPES.map((scope) => (
            <label key={scope} className="check">
              <input type="checkbox" checked={chosen.includes(scope)} onChange={(event) => toggle(scope, event.target.checked)} />
              <span>
                <span className="mono nowrap">{scope}</span> <span className="muted">{SCOPE_DESCRIPTIONS[scope]}</span>
              </span>
            </label>
          ))}
          {scopesError && (
            <p className="field-error" id="scopes-error">
              {scopesError}
            </p>
          )}
        </fieldset>
        {failure !== undefined && <ErrorNote error={failure} />}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Creating..." : "Create key"}
        </button>
      </form>
    </section>
  );
}
