import type { FieldErrors } from "../../../errors";
import { Field, describedBy } from "../../../ui";
import type { Payment } from "./granted-quantities";
import { installmentsError, parseInstallments } from "./installments";
import { scheduleTotal } from "./schedule-total";

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

/** The schedule, one charge per line, with what it charges in all beside it. */
export function ScheduleField({ text, errors, onChange }: { text: string; errors: FieldErrors; onChange: (text: string) => void }) {
  const error = installmentsError(errors);
  const installments = parseInstallments(text);
  const total = scheduleTotal(installments);
  return (
    <div className="schedule">
      <Field
        id="installments"
        label="Installments"
        hint={
          <>
            One per line: the UTC day the buyer is invoiced, then USD, e.g. <span className="nowrap">2028-01-15 50000.00</span>. At most one on or before the acceptance deadline.
          </>
        }
        error={error}
      >
        <textarea {...describedBy("installments", error, true)} rows={4} value={text} onChange={(event) => onChange(event.target.value)} />
      </Field>
      <p className="schedule-total" aria-live="polite">
        {total !== null ? (
          <>
            Total <strong>{total} USD</strong>
            <br />
            in {installments.length} installment{installments.length === 1 ? "" : "s"}
          </>
        ) : installments.length > 0 ? (
          "The total shows once every amount is written like 50000.00."
        ) : (
          "No installment yet."
        )}
      </p>
    </div>
  );
}
