import type { FieldErrors } from "../../../errors";
import { Field, describedBy } from "../../../ui";
import type { DurationUnit } from "./agreement-length";
import type { OfferFormValues, SetFormValue } from "./offer-form-values";

/**
 * Step 5: how long the agreement runs, the acceptance deadline and the refund policy (the
 * schedule is with the prices). A contract runs months or, paid in installments, to a date; an
 * hourly or metered offer runs days, and is offered an end date only when its draft has one.
 */
export function TermsStep({ values, errors, set, unit }: { values: OfferFormValues; errors: FieldErrors; set: SetFormValue; unit: DurationUnit }) {
  const durationError = errors["agreement.duration"] ?? errors.agreement;
  const endDateError = errors["agreement.endDate"] ?? errors.agreement;
  const endDateOffered = unit === "months" || values.agreementKind === "endDate";
  const key = unit === "months" ? "months" : "days";
  return (
    <>
      <fieldset>
        <legend>Agreement length</legend>
        {endDateOffered && (
          <>
            <label className="inline">
              <input type="radio" name="agreement-kind" checked={values.agreementKind === "duration"} onChange={() => set("agreementKind", "duration")} /> A number of {unit}
            </label>
            <label className="inline">
              <input type="radio" name="agreement-kind" checked={values.agreementKind === "endDate"} onChange={() => set("agreementKind", "endDate")} /> Until a date
            </label>
          </>
        )}
        {values.agreementKind === "duration" ? (
          <Field id={key} label={unit === "months" ? "Months" : "Days"} hint={unit === "months" ? "Whole months, 1 to 60." : "Whole days, 1 to 1095 (three years)."} error={durationError}>
            <input {...describedBy(key, durationError, true)} data-field="agreement" inputMode="numeric" value={values[key]} onChange={(event) => set(key, event.target.value)} />
          </Field>
        ) : (
          <Field id="end-date" label="End date" hint={unit === "months" ? "A contract ends on a date only when paid in installments." : "An hourly or metered offer runs a number of days, not to a date."} error={endDateError}>
            <input {...describedBy("end-date", endDateError, true)} data-field="agreement" type="date" value={values.endDate} onChange={(event) => set("endDate", event.target.value)} />
          </Field>
        )}
      </fieldset>
      <Field id="deadline" label="Acceptance deadline" hint="The last UTC day a buyer may accept, through 23:59:59 UTC." error={errors.acceptanceDeadline}>
        <input {...describedBy("deadline", errors.acceptanceDeadline, true)} data-field="acceptanceDeadline" type="date" value={values.acceptanceDeadline} onChange={(event) => set("acceptanceDeadline", event.target.value)} />
      </Field>
      <Field id="refund-policy" label="Refund policy" hint="Required for a paid offer: how the buyer asks for a refund. Plain text: AWS Marketplace takes ASCII and © ® ™ ¢ £ ¤ ¥ only." error={errors.refundPolicy}>
        <textarea {...describedBy("refund-policy", errors.refundPolicy, true)} data-field="refundPolicy" rows={2} value={values.refundPolicy} onChange={(event) => set("refundPolicy", event.target.value)} />
      </Field>
    </>
  );
}
