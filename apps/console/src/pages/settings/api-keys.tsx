import type { ApiKeyView, Scope } from "@offerkit/sdk";
import { useRef, useState } from "react";
import { SCOPES } from "../../scopes";
import { signOut, type Session } from "../../session";
import { AsyncView, Empty, ErrorNote } from "../../ui";
import { useAsync } from "../../use-async";
import { utcMinute } from "../../utc-minute";

/** Every key and buyer token of the seller, newest first, revoked ones last; each can be revoked. */
export function ApiKeysPanel({ session, generation }: { session: Session; generation: number }) {
  const keys = useAsync(() => session.client.admin.apiKeys.list(), [session, generation]);
  const [showRevoked, setShowRevoked] = useState(false);
  return (
    <section className="panel" aria-labelledby="keys-heading">
      <div className="page-head">
        <h2 id="keys-heading">API keys and buyer tokens</h2>
        <label className="inline">
          <input type="checkbox" checked={showRevoked} onChange={(event) => setShowRevoked(event.target.checked)} /> Show revoked
        </label>
      </div>
      <AsyncView state={keys} what="API keys">
        {(items) => {
          const shown = sortKeys(items).filter((key) => showRevoked || key.revokedAt === null);
          return shown.length === 0 ? (
            <Empty>No keys{showRevoked ? "" : " in use"}.</Empty>
          ) : (
            <div className="table-wrap">
              <table className="stack-narrow keys-table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Starts with</th>
                    <th scope="col">Scopes or account</th>
                    <th scope="col">Created</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((key) => (
                    <tr key={key.id} className={key.revokedAt ? "revoked" : undefined}>
                      <td>
                        <strong>{key.name}</strong>
                        {key.id === session.keyId && <span className="pill pill-you">signed in with it</span>}
                        <div className="muted small">{key.kind === "buyer" ? "Buyer token" : "Seller API key"}</div>
                      </td>
                      <td data-label="Starts with" className="mono nowrap">
                        {key.keyPrefix}...
                      </td>
                      <td data-label={key.kind === "buyer" ? "Account" : "Scopes"}>
                        {key.kind === "buyer" ? <span className="account-id">{key.buyerAccount}</span> : <span className="scope-tags">{inFormOrder(key.scopes).map((scope) => <span key={scope} className="tag mono">{scope}</span>)}</span>}
                      </td>
                      <td data-label="Created">
                        {utcMinute(key.createdAt)}
                        {key.revokedAt && <div className="muted small">revoked {utcMinute(key.revokedAt)}</div>}
                      </td>
                      <td data-label="Revoke">{key.revokedAt ? "revoked" : <RevokeButton session={session} apiKey={key} onRevoked={keys.reload} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </AsyncView>
    </section>
  );
}

/** Scopes in the order the new-key form lists them, whatever order the key was made with. */
function inFormOrder(scopes: readonly Scope[]): Scope[] {
  return SCOPES.filter((scope) => scopes.includes(scope));
}

function sortKeys(keys: ApiKeyView[]): ApiKeyView[] {
  return [...keys].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt));
}

/** Revoking is final, and revoking the key this console signed in with ends the session: both ask first. */
function RevokeButton({ session, apiKey, onRevoked }: { session: Session; apiKey: ApiKeyView; onRevoked: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [failure, setFailure] = useState<unknown>();
  const own = apiKey.id === session.keyId;
  const revoke = async () => {
    dialog.current?.close();
    setFailure(undefined);
    try {
      await session.client.admin.apiKeys.revoke({ keyId: apiKey.id });
      if (own) {
        signOut();
        window.location.reload();
        return;
      }
      onRevoked();
    } catch (caught) {
      setFailure(caught);
    }
  };
  const titleId = `revoke-title-${apiKey.id}`;
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} aria-label={`Revoke ${apiKey.name}`}>
        Revoke
      </button>
      <dialog ref={dialog} aria-labelledby={titleId}>
        <h2 id={titleId}>Revoke {apiKey.name}?</h2>
        <p>
          Whatever uses it stops working at once, and a revoked key cannot be restored.
          {own && " It is the key this console is signed in with: you will be signed out."}
        </p>
        <div className="actions">
          <button type="button" className="danger" onClick={() => void revoke()}>
            Revoke
          </button>
          <button type="button" onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </button>
        </div>
      </dialog>
      {failure !== undefined && <ErrorNote error={failure} />}
    </>
  );
}
