import type { WebhookEventType } from "@offerkit/sdk";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { fieldErrorsOf, type FieldErrors } from "../../errors";
import { ErrorNote, Field, describedBy } from "../../ui";
import { formFieldErrors, missingFields, type EndpointFormValues } from "./endpoint-form-values";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from "./event-types";

interface EndpointFormProps {
  initial: EndpointFormValues;
  submitLabel: string;
  busyLabel: string;
  /** Saves; a refusal is thrown, and its field errors land on their fields. */
  onSubmit: (values: EndpointFormValues) => Promise<void>;
}

/** An endpoint's URL, description, event types and whether contacts' details go with contact events. */
export function EndpointForm({ initial, submitLabel, busyLabel, onSubmit }: EndpointFormProps) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // One more each time a save is refused: focus moves then, never while a field is being fixed.
  const [refusals, setRefusals] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [refusals]);

  const set = <K extends keyof EndpointFormValues>(key: K, value: EndpointFormValues[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  };
  const toggle = (type: WebhookEventType, on: boolean) => set("eventTypes", on ? [...values.eventTypes, type] : values.eventTypes.filter((value) => value !== type));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const missing = missingFields(values);
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setRefusals((value) => value + 1);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(values);
      setErrors({});
    } catch (caught) {
      const fields = formFieldErrors(fieldErrorsOf(caught));
      setErrors(fields);
      setRefusals((value) => value + 1);
      // A refusal without a field (no access, the server unreachable) shows above the button.
      setFailure(Object.keys(fields).length === 0 ? caught : new Error("Not saved: the fields marked above say why."));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} onSubmit={submit} noValidate className="endpoint-form">
      <Field id="endpoint-url" label="URL" hint="Where Offerkit POSTs the events: https (plain http only to localhost, for development)." error={errors.url}>
        <input
          {...describedBy("endpoint-url", errors.url, true)}
          type="url"
          value={values.url}
          autoComplete="off"
          spellCheck={false}
          placeholder="https://example.com/webhooks/offerkit"
          onChange={(event) => set("url", event.target.value)}
        />
      </Field>
      <Field id="endpoint-description" label="Description (optional)" hint="What it is for, e.g. CRM sync; shown in the list of endpoints." error={errors.description}>
        <input {...describedBy("endpoint-description", errors.description, true)} value={values.description} autoComplete="off" onChange={(event) => set("description", event.target.value)} />
      </Field>
      <fieldset className="event-type-list" aria-describedby={errors.eventTypes ? "event-types-hint event-types-error" : "event-types-hint"}>
        <legend>Event types</legend>
        <p className="hint" id="event-types-hint">
          The endpoint receives only the events ticked here ({values.eventTypes.length} of {WEBHOOK_EVENT_TYPES.length}).
        </p>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="check">
            <input
              type="checkbox"
              checked={values.eventTypes.includes(type)}
              aria-invalid={errors.eventTypes ? true : undefined}
              onChange={(event) => toggle(type, event.target.checked)}
            />
            <span>
              <span className="mono nowrap">{type}</span> <span className="muted">{WEBHOOK_EVENT_DESCRIPTIONS[type]}</span>
            </span>
          </label>
        ))}
        {errors.eventTypes && (
          <p className="field-error" id="event-types-error">
            {errors.eventTypes}
          </p>
        )}
      </fieldset>
      <div className={errors.includeContactDetails ? "field field-invalid" : "field"}>
        <label className="check">
          <input
            type="checkbox"
            checked={values.includeContactDetails}
            aria-invalid={errors.includeContactDetails ? true : undefined}
            aria-describedby={errors.includeContactDetails ? "contact-details-hint contact-details-error" : "contact-details-hint"}
            onChange={(event) => set("includeContactDetails", event.target.checked)}
          />
          <span>Send support contacts' details</span>
        </label>
        <p className="hint" id="contact-details-hint">
          Contact events then carry the name, email and phone a buyer shared (Product Support Connection). Only to an https URL, and only when the key saving it has the
          contacts:read scope; without it, contact events name the contact and nothing more.
        </p>
        {errors.includeContactDetails && (
          <p className="field-error" id="contact-details-error">
            {errors.includeContactDetails}
          </p>
        )}
      </div>
      {failure !== undefined && <ErrorNote error={failure} />}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
    </form>
  );
}
