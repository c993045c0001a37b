import { Fragment, useEffect, useRef, useState, type ReactNode } from "react";
import { messageOf } from "./errors";
import type { AsyncState } from "./use-async";

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}...
    </p>
  );
}

export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="error-note" role="alert">
      <p>{messageOf(error)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/** Renders the loading and error states of `state`, and `children` with its data. */
export function AsyncView<T>({ state, what, children }: { state: AsyncState<T> & { reload: () => void }; what: string; children: (data: T) => ReactNode }) {
  if (state.status === "loading") return <Loading what={what} />;
  if (state.status === "error") return <ErrorNote error={state.error} onRetry={state.reload} />;
  return <>{children(state.data)}</>;
}

/** A labelled field with its hint and its error, wired for assistive technology. */
export function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: ReactNode; error?: string | undefined; children: ReactNode }) {
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Props for an input inside `Field`: its error and hint described, its state announced. */
export function describedBy(id: string, error: string | undefined, hint?: boolean) {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined };
}

/** One term of a `<dl className="terms">`. */
export function Term({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** Copies `text`; `label` is what it shows, `more` what a screen reader hears after it ("Copy" + " agreement ID"). */
export function CopyButton({ text, label = "Copy", more }: { text: string; label?: string; more?: string }) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(false), 2000);
  };
  return (
    <button type="button" onClick={copy} aria-live="polite">
      {copied ? "Copied" : label}
      {more && <span className="visually-hidden"> {more}</span>}
    </button>
  );
}

/**
 * A long identifier (a SHA-256, an agreement ID) shortened to its first and last characters, the
 * whole of it in the copy button and the tooltip: it never makes a page wider than a phone.
 */
export function ShortId({ value, label, keep = 12 }: { value: string; label: string; keep?: number }) {
  const short = value.length > keep + 6 ? `${value.slice(0, keep)}…${value.slice(-4)}` : value;
  return (
    <span className="short-id">
      <span className="mono nowrap" title={value}>
        {short}
      </span>{" "}
      <CopyButton text={value} more={label} />
    </span>
  );
}

/** Account IDs, each kept whole on its line: a line breaks between two IDs, never inside one. */
export function AccountIds({ accounts, none = "none yet" }: { accounts: readonly string[]; none?: string }) {
  if (accounts.length === 0) return <>{none}</>;
  return (
    <span className="account-ids">
      {accounts.map((account, index) => (
        <Fragment key={account}>
          <span className="account-id">
            {account}
            {index < accounts.length - 1 && ","}
          </span>
          {index < accounts.length - 1 && " "}
        </Fragment>
      ))}
    </span>
  );
}
