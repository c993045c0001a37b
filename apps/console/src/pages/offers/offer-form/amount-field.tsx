import type { ClipboardEvent, ReactNode } from "react";
import { Field, describedBy } from "../../../ui";
import { parseAmount, type AmountRule } from "./amount-input";

/**
 * An amount input that shows, as it is typed, the exact value it understood ("= $30,000.00"),
 * before anything is saved; what it cannot read is marked when the field is left (`error`).
 * `field` is the path its errors have (`pricing.contract.seats`).
 */
export function AmountField({
  id,
  label,
  hint,
  field,
  value,
  rule,
  error,
  placeholder = "0.00",
  onChange,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  field: string;
  value: string;
  rule: AmountRule;
  error: string | undefined;
  placeholder?: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <AmountInput id={id} field={field} value={value} rule={rule} error={error} hint={Boolean(hint)} placeholder={placeholder} onChange={onChange} />
    </Field>
  );
}

/** The input and what it understood, for layouts (the schedule's rows) that label it themselves. */
export function AmountInput({
  id,
  field,
  value,
  rule,
  error,
  hint = false,
  placeholder = "0.00",
  label,
  onChange,
  onPaste,
}: {
  id: string;
  field: string;
  value: string;
  rule: AmountRule;
  error: string | undefined;
  hint?: boolean;
  placeholder?: string;
  label?: string;
  onChange: (value: string) => void;
  onPaste?: (event: ClipboardEvent<HTMLInputElement>) => void;
}) {
  const parsed = parseAmount(value, rule);
  const described = describedBy(id, error, hint);
  const echoId = `${id}-understood`;
  const describedIds = [described["aria-describedby"], parsed.kind === "amount" ? echoId : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="amount-input">
      <input
        {...described}
        aria-describedby={describedIds}
        aria-label={label}
        data-field={field}
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onPaste={onPaste}
      />
      <span className="amount-understood" id={echoId}>
        {parsed.kind === "amount" ? `= ${parsed.shown}` : ""}
      </span>
    </div>
  );
}
