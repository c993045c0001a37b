import type { FieldErrors } from "../../../errors";
import { Field, describedBy } from "../../../ui";
import { installmentsError } from "./installments";
import type { OfferFormValues, SetFormValue } from "./offer-form-values";

/** Step 5: how long the agreement runs, the acceptance deadline, the refund policy and installments. */
export function TermsStep({ values, errors, set }: { values: OfferFormValues; errors: FieldErrors; set: SetFormValue }) {
  const monthsError = errors["agreement.duration"] ?? errors.agreement;
  const endDateError = errors["agreement.endDate"] ?? errors.agreement;
  const installmentError = installmentsError(errors);
  return (
    <>
      <fieldset>
        <legend>Agreement length</legend>
        <label className="inline">
          <input type="radio" name="agreement-kind" checked={values.agreementKind === "duration"} onChange={() => set("agreementKind", "duration")} /> A number of months
        </label>
        <label className="inline">
          <input type="radio" name="agreement-kind" checked={values.agreementKind === "endDate"} onChange={() => set("agreementKind", "endDate")} /> Until a date
        </label>
        {values.agreementKind === "duration" ? (
          <Field id="months" label="Months" error={monthsError}>
            <input {...describedBy("months", monthsError)} inputMode="numeric" value={values.months} onChange={(event) => set("months", event.target.value)} />
          </Field>
        ) : (
          <Field id="end-date" label="End date" error={endDateError}>
            <input {...describedBy("end-date", endDateError)} type="date" value={values.endDate} onChange={(event) => set("endDate", event.target.value)} />
          </Field>
        )}
      </fieldset>
      <Field id="deadline" label="Acceptance deadline" hint="The last day (UTC) on which the buyer may accept." error={errors.acceptanceDeadline}>
        <input {...describedBy("deadline", errors.acceptanceDeadline, true)} type="date" value={values.acceptanceDeadline} onChange={(event) => set("acceptanceDeadline", event.target.value)} />
      </Field>
      <Field id="refund-policy" label="Refund policy" hint="Required for a paid offer: how the buyer asks for a refund." error={errors.refundPolicy}>
        <textarea {...describedBy("refund-policy", errors.refundPolicy, true)} rows={2} value={values.refundPolicy} onChange={(event) => set("refundPolicy", event.target.value)} />
      </Field>
      <Field
        id="installments"
        label="Installments (optional)"
        hint="To be paid in installments rather than at once: one per line, the UTC day then USD, e.g. 2028-01-15 50000.00. At most one on or before the deadline."
        error={installmentError}
      >
        <textarea {...describedBy("installments", installmentError, true)} rows={3} value={values.installments} onChange={(event) => set("installments", event.target.value)} />
      </Field>
    </>
  );
}
