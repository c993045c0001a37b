import { useRef, useState } from "react";
import { navigate } from "../../router";
import type { Session } from "../../session";
import { ErrorNote } from "../../ui";

/** Deleting is final and drops the endpoint's delivery log: it asks first. */
export function DeleteEndpoint({ session, endpointId }: { session: Session; endpointId: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [failure, setFailure] = useState<unknown>();
  const remove = async () => {
    dialog.current?.close();
    setFailure(undefined);
    try {
      await session.client.webhooks.delete({ endpointId });
      navigate("/webhooks");
    } catch (caught) {
      setFailure(caught);
    }
  };
  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        Delete endpoint
      </button>
      <dialog ref={dialog} aria-labelledby="delete-endpoint-title">
        <h2 id="delete-endpoint-title">Delete this endpoint?</h2>
        <p>It receives nothing more, its pending deliveries are dropped with its log, and it cannot be restored. To pause it instead, disable it.</p>
        <div className="actions">
          <button type="button" className="danger" onClick={() => void remove()}>
            Delete endpoint
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
