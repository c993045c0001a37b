import { installmentAmountSchema } from "@offerkit/sdk";
import type { ClipboardEvent } from "react";
import type { FieldErrors } from "../../../errors";
import { describedBy } from "../../../ui";
import { AmountInput } from "./amount-field";
import { parseAmount } from "./amount-input";
import type { Payment } from "./granted-quantities";
import { MAX_INSTALLMENTS, addInstallmentRow, pasteInstallmentRows, removeInstallmentRow, scheduleError, sentIndexes, type InstallmentRow } from "./installments";
import { scheduleTotal } from "./schedule-total";
import { money } from "../../../money";

/** At once or in installments; a model AWS Marketplace takes no schedule for says so (a draft written before the rule). */
export function PaymentChoice({ payment, schedulable, onChange }: { payment: Payment; schedulable: boolean; onChange: (payment: Payment) => void }) {
  return (
    <fieldset>
      <legend>How the buyer pays</legend>
      <label className="inline">
        <input type="radio" name="payment" checked={payment === "atOnce"} onChange={() => onChange("atOnce")} /> At once, at the prices per unit
      </label>
      <label className="inline">
        <input type="radio" name="payment" checked={payment === "installments"} onChange={() => onChange("installments")} /> In installments, on a payment schedule
      </label>
      {!schedulable && <p className="hint">Only SaaS contract and hourly + annual offers may be paid in installments.</p>}
    </fieldset>
  );
}

/**
 * What the schedule charges in all, from the amounts understood so far: the contract's value,
 * since the schedule carries the money. Says how many amounts are still to fix.
 */
function ScheduleTotal({ rows }: { rows: readonly InstallmentRow[] }) {
  const filled = rows.filter((row) => row.amount.trim() !== "");
  const understood = filled.flatMap((row) => {
    const parsed = parseAmount(row.amount, installmentAmountSchema);
    return parsed.kind === "amount" ? [{ chargeDate: row.chargeDate, amount: parsed.value }] : [];
  });
  const total = scheduleTotal(understood);
  const unread = filled.length - understood.length;
  return (
    <div className="schedule-total" aria-live="polite">
      <p className="schedule-total-label">Contract value</p>
      <p className="schedule-total-amount">{total === null ? "$0.00" : money(total)}</p>
      <p className="hint">
        {understood.length} installment{understood.length === 1 ? "" : "s"}
        {unread > 0 ? `; ${unread} amount${unread === 1 ? "" : "s"} to fix, not counted` : ""}
      </p>
    </div>
  );
}

/**
 * The schedule as rows, one charge each: the UTC day and the amount in USD, which shows what it
 * understood as it is typed. Rows are added up to 60 and removed one by one; the contract's
 * value (the schedule's total) stays beside them, updated as amounts are typed.
 */
export function ScheduleField({ rows, errors, onChange }: { rows: InstallmentRow[]; errors: FieldErrors; onChange: (rows: InstallmentRow[]) => void }) {
  const general = scheduleError(errors);
  const indexes = sentIndexes(rows);
  const update = (key: number, part: "chargeDate" | "amount", value: string) => onChange(rows.map((row) => (row.key === key ? { ...row, [part]: value } : row)));
  const full = rows.length >= MAX_INSTALLMENTS;
  // A schedule copied from a spreadsheet or an email fills the rows; a single amount pastes as usual.
  const paste = (key: number) => (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = pasteInstallmentRows(rows, key, event.clipboardData.getData("text/plain"));
    if (pasted === undefined) return;
    event.preventDefault();
    onChange(pasted);
  };
  return (
    <fieldset className="schedule" aria-describedby={general ? "installments-error" : "installments-hint"}>
      <legend>Installments</legend>
      <p className="hint" id="installments-hint">
        The UTC day the buyer is invoiced and the amount in USD, e.g. 30,000.00. At most one on or before the acceptance deadline; up to {MAX_INSTALLMENTS}. To fill several, paste
        rows copied from a spreadsheet (a date, then an amount) into an amount.
      </p>
      {general && (
        <p className="field-error" id="installments-error">
          {general}
        </p>
      )}
      <div className="schedule-body">
        <ol className="installment-rows">
          {rows.map((row, position) => {
            const sent = indexes[position];
            const dateError = sent === undefined ? undefined : errors[`installments.${sent}.chargeDate`];
            const amountError = sent === undefined ? undefined : errors[`installments.${sent}.amount`];
            const number = position + 1;
            const dateId = `installment-${row.key}-date`;
            const amountId = `installment-${row.key}-amount`;
            return (
              <li key={row.key} className={dateError || amountError ? "installment-row field-invalid" : "installment-row"}>
                <span className="installment-number" aria-hidden="true">
                  {number}.
                </span>
                <div className="installment-date">
                  <label htmlFor={dateId}>Installment {number} date</label>
                  <input {...describedBy(dateId, dateError)} data-field="installments" type="date" value={row.chargeDate} onChange={(event) => update(row.key, "chargeDate", event.target.value)} onPaste={paste(row.key)} />
                  {dateError && (
                    <p className="field-error" id={`${dateId}-error`}>
                      {dateError}
                    </p>
                  )}
                </div>
                <div className="installment-amount">
                  <label htmlFor={amountId}>Installment {number} amount (USD)</label>
                  <AmountInput id={amountId} field="installments" value={row.amount} rule={installmentAmountSchema} error={amountError} placeholder="30,000.00" onChange={(value) => update(row.key, "amount", value)} onPaste={paste(row.key)} />
                  {amountError && (
                    <p className="field-error" id={`${amountId}-error`}>
                      {amountError}
                    </p>
                  )}
                </div>
                <button type="button" className="installment-remove" aria-label={`Remove installment ${number}`} onClick={() => onChange(removeInstallmentRow(rows, row.key))}>
                  Remove
                </button>
              </li>
            );
          })}
        </ol>
        <ScheduleTotal rows={rows} />
      </div>
      <button type="button" onClick={() => onChange(addInstallmentRow(rows))} disabled={full}>
        Add an installment
      </button>
      {full && <p className="hint">A schedule has at most {MAX_INSTALLMENTS} installments.</p>}
    </fieldset>
  );
}
