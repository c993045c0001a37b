import type { EulaDocumentView } from "@offerkit/sdk";
import { useRef, useState, type DragEvent } from "react";
import { messageOf } from "../../../errors";
import type { Session } from "../../../session";

/**
 * Drop a PDF here, or choose one: it is uploaded at once, and the server's reading of it
 * (pages, SHA-256) shows before the offer uses it. A file the server refuses says why.
 */
export function EulaDrop({ session, eula, error, onUploaded }: { session: Session; eula: EulaDocumentView | null; error?: string | undefined; onUploaded: (eula: EulaDocumentView) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const shown = failure ?? error;

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setFailure(undefined);
    try {
      onUploaded(await session.client.eula.upload(file));
    } catch (caught) {
      setFailure(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void upload(event.dataTransfer.files[0]);
  };

  return (
    <div className="field">
      <div
        className={over ? "drop-zone drop-over" : "drop-zone"}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        aria-describedby={shown ? "eula-error" : undefined}
      >
        <p>Drop the EULA here (a PDF), or</p>
        <button type="button" onClick={() => input.current?.click()} disabled={busy}>
          {busy ? "Uploading..." : "Choose a PDF"}
        </button>
        <input ref={input} id="eula-file" type="file" accept="application/pdf,.pdf" hidden onChange={(event) => void upload(event.target.files?.[0])} aria-label="EULA file" />
      </div>
      {shown && (
        <p className="field-error" id="eula-error" role="alert">
          {shown}
        </p>
      )}
      {eula && (
        <dl className="terms" aria-label="Uploaded EULA">
          <div>
            <dt>File</dt>
            <dd>{eula.fileName}</dd>
          </div>
          <div>
            <dt>Pages</dt>
            <dd>{eula.pageCount}</dd>
          </div>
          <div>
            <dt>SHA-256</dt>
            <dd className="mono">{eula.sha256}</dd>
          </div>
        </dl>
      )}
    </div>
  );
}
