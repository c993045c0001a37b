import { useEffect, useRef } from "react";
import { CopyButton } from "../../ui";

/**
 * A secret the server keeps only the hash of: shown here once, with a copy button, until the rep
 * says it is kept. Focus moves to it so a screen reader reads it out at once.
 */
export function SecretOnce({ label, secret, onDone }: { label: string; secret: string; onDone: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [secret]);
  return (
    <div className="secret-once" ref={box} tabIndex={-1} role="status" aria-labelledby="secret-once-title">
      <p id="secret-once-title">
        <strong>{label}: copy it now.</strong> It is shown only this once; the server keeps no copy it could show again.
      </p>
      <div className="copy-row">
        <input aria-label={`${label}, secret`} readOnly value={secret} className="mono" onFocus={(event) => event.target.select()} />
        <CopyButton text={secret} label="Copy secret" />
      </div>
      <button type="button" className="link-button" onClick={onDone}>
        I have stored it
      </button>
    </div>
  );
}
