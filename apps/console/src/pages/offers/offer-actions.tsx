import type { OfferView } from "@offerkit/sdk";
import { isOfferkitError } from "@offerkit/sdk";
import { useRef, useState } from "react";
import { messageOf } from "../../errors";
import { Link, navigate } from "../../router";
import { can, type Session } from "../../session";
import { ErrorNote } from "../../ui";
import { fieldLabel } from "./field-labels";

/**
 * Send (with a confirmation: a sent offer never changes), edit, or copy as a new draft. Beside
 * the copy, a refused publication says what to do: the copy is the only way to new terms.
 */
export function OfferActions({ session, offer, onSent }: { session: Session; offer: OfferView; onSent: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const deleteDialog = useRef<HTMLDialogElement>(null);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (!can(session, "offers:write")) return null;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };
  const send = () =>
    run(async () => {
      dialog.current?.close();
      await session.client.offers.send({ offerId: offer.id });
      onSent();
    });
  const remove = () =>
    run(async () => {
      deleteDialog.current?.close();
      await session.client.offers.delete({ offerId: offer.id });
      navigate("/offers");
    });
  const copy = () =>
    run(async () => {
      const draft = await session.client.offers.copyAsDraft({ offerId: offer.id });
      navigate(`/offers/${draft.id}/edit`);
    });
  const refused = offer.publication.state === "failed";

  return (
    <div className={refused ? "actions copy-to-fix" : "actions"}>
      {offer.status === "draft" ? (
        <>
          <button type="button" className="primary" onClick={() => dialog.current?.showModal()} disabled={busy}>
            Send offer
          </button>
          <Link to={`/offers/${offer.id}/edit`} className="button">
            Edit draft
          </Link>
          <button type="button" onClick={() => deleteDialog.current?.showModal()} disabled={busy}>
            Delete draft
          </button>
        </>
      ) : (
        <>
          <button type="button" className={refused ? "primary" : undefined} onClick={copy} disabled={busy}>
            Copy as new draft
          </button>
          {refused && <p id="copy-to-fix">A sent offer never changes: copy it as a new draft, fix the fields named here, and send the copy.</p>}
        </>
      )}
      <dialog ref={dialog} aria-labelledby="send-title" aria-describedby="send-text">
        <h2 id="send-title">Send this offer?</h2>
        <p id="send-text">A sent offer can never be changed or withdrawn. To change its terms later, you will make a new offer. Every rule is checked again before it is sent.</p>
        <div className="actions">
          <button type="button" className="primary" onClick={send}>
            Send, it is final
          </button>
          <button type="button" onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </button>
        </div>
      </dialog>
      <dialog ref={deleteDialog} aria-labelledby="delete-title">
        <h2 id="delete-title">Delete this draft?</h2>
        <p>It was never sent, so no buyer has seen it. It cannot be brought back.</p>
        <div className="actions">
          <button type="button" className="danger" onClick={remove}>
            Delete draft
          </button>
          <button type="button" onClick={() => deleteDialog.current?.close()} autoFocus>
            Cancel
          </button>
        </div>
      </dialog>
      {failure !== undefined && <SendFailure error={failure} />}
    </div>
  );
}

function SendFailure({ error }: { error: unknown }) {
  if (!isOfferkitError(error) || error.issues.length === 0) return <ErrorNote error={error} />;
  return (
    <div className="error-note" role="alert">
      <p>{messageOf(error).split(":")[0]}. Fix these in the draft, then send again:</p>
      <ul>
        {error.issues.map((issue) => (
          <li key={`${issue.path.join(".")}${issue.message}`}>
            <strong>{fieldLabel(issue.path)}</strong>: {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
