import { useState, type FormEvent } from "react";
import { messageOf } from "../errors";
import { signIn, type Session } from "../session";
import { Field, describedBy } from "../ui";

/** Sign-in with a seller API key; the key is kept for this browser tab only. */
export function SignInPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const [apiKey, setApiKey] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (apiKey.trim() === "") return setError("Enter your API key");
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await signIn(apiKey.trim()));
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <h1>Offerkit console</h1>
      <form onSubmit={submit} noValidate>
        <Field id="api-key" label="API key" hint="A seller API key. It is kept in this tab only and forgotten when you close it." error={error}>
          <input {...describedBy("api-key", error, true)} type="password" autoComplete="off" value={apiKey} onChange={(event) => setApiKey(event.target.value)} />
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Signing in..." : "Sign in"}
        </button>
      </form>
    </main>
  );
}
