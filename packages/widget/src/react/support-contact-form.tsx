import { useId, useState, type FormEvent, type ReactNode } from "react";
import { shareSupportContact, WidgetApiError, type SharedContact, type SupportContact } from "../api";
import { WidgetStyles } from "./widget-styles";

type FieldName = keyof SupportContact;
type ErrorKey = FieldName | "consent";

interface FieldSpec {
  name: FieldName;
  label: string;
  required: boolean;
  type: "text" | "email" | "tel";
  autoComplete: string;
  /** An example shown with the label. */
  example?: string;
}

const FIELDS: readonly FieldSpec[] = [
  { name: "givenName", label: "Given name", required: true, type: "text", autoComplete: "given-name" },
  { name: "surname", label: "Surname", required: true, type: "text", autoComplete: "family-name" },
  { name: "title", label: "Job title", required: false, type: "text", autoComplete: "organization-title" },
  { name: "organization", label: "Organization", required: true, type: "text", autoComplete: "organization" },
  { name: "email", label: "E-mail", required: true, type: "email", autoComplete: "email" },
  { name: "phone", label: "Phone", required: true, type: "tel", autoComplete: "tel", example: "+1 206 555 0100" },
  { name: "countryCode", label: "Country code", required: false, type: "text", autoComplete: "country", example: "US" },
  { name: "postalCode", label: "Postal code", required: false, type: "text", autoComplete: "postal-code" },
];

const EMPTY: Record<FieldName, string> = { givenName: "", surname: "", title: "", organization: "", email: "", phone: "", countryCode: "", postalCode: "" };

export interface SupportContactFormProps {
  /** The seller's Offerkit server, e.g. `https://offers.example.com`. */
  apiUrl: string;
  /** A buyer token for the visitor's account. */
  buyerToken: string;
  /** The subscription the contact is for (a product enrolled in Product Support Connection). */
  subscriptionId: string;
  /** The consent sentence; default: the seller may use the contact for product support only. */
  consentText?: ReactNode;
  /** Called once the server has stored the contact. */
  onShared?: (contact: SharedContact) => void;
  className?: string;
}

/**
 * The Product Support Connection form. Nothing is sent without the consent box ticked; the
 * server's field errors appear next to their fields, and focus moves to the first of them.
 */
export function SupportContactForm({ apiUrl, buyerToken, subscriptionId, consentText, onShared, className }: SupportContactFormProps) {
  const idPrefix = useId();
  const [values, setValues] = useState(EMPTY);
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<ErrorKey, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [state, setState] = useState<"editing" | "sending" | "shared">("editing");
  const idOf = (key: ErrorKey) => `${idPrefix}-${key}`;

  const showErrors = (found: Partial<Record<ErrorKey, string>>) => {
    setErrors(found);
    const first = [...FIELDS.map((field) => field.name), "consent" as const].find((key) => found[key]);
    if (first) document.getElementById(idOf(first))?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (state === "sending") return;
    setFormError(null);
    const missing: Partial<Record<ErrorKey, string>> = {};
    for (const field of FIELDS) if (field.required && values[field.name].trim() === "") missing[field.name] = `${field.label} is required`;
    if (!consent) missing.consent = "Tick the box to agree before sharing this contact";
    if (Object.keys(missing).length > 0) return showErrors(missing);

    const contact: SupportContact = { givenName: "", surname: "", organization: "", email: "", phone: "" };
    for (const field of FIELDS) {
      const value = values[field.name].trim();
      if (value !== "" || field.required) contact[field.name] = value;
    }
    setState("sending");
    try {
      const shared = await shareSupportContact({ apiUrl, buyerToken }, { subscriptionId, consent, contact });
      setState("shared");
      setValues(EMPTY);
      setConsent(false);
      setErrors({});
      onShared?.(shared);
    } catch (error) {
      setState("editing");
      const { byField, rest } = fieldErrorsOf(error);
      if (rest) setFormError(rest);
      showErrors(byField);
    }
  };

  return (
    <form noValidate onSubmit={submit} className={className ? `offerkit-contact-form ${className}` : "offerkit-contact-form"}>
      <WidgetStyles />
      {FIELDS.map((field) => {
        const error = errors[field.name];
        return (
          <div className="offerkit-field" key={field.name}>
            <label htmlFor={idOf(field.name)}>
              {field.label}
              {field.required ? "" : " (optional)"}
              {field.example ? `, e.g. ${field.example}` : ""}
            </label>
            <input
              id={idOf(field.name)}
              name={field.name}
              type={field.type}
              autoComplete={field.autoComplete}
              value={values[field.name]}
              onChange={(event) => setValues({ ...values, [field.name]: event.target.value })}
              aria-required={field.required}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${idOf(field.name)}-error` : undefined}
            />
            {error && (
              <p id={`${idOf(field.name)}-error`} className="offerkit-field-error">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <div className="offerkit-field offerkit-consent">
        <input
          id={idOf("consent")}
          name="consent"
          type="checkbox"
          checked={consent}
          onChange={(event) => setConsent(event.target.checked)}
          aria-required
          aria-invalid={errors.consent ? true : undefined}
          aria-describedby={errors.consent ? `${idOf("consent")}-error` : undefined}
        />
        <label htmlFor={idOf("consent")}>{consentText ?? "I agree that the seller may use this contact for product support only."}</label>
        {errors.consent && (
          <p id={`${idOf("consent")}-error`} className="offerkit-field-error">
            {errors.consent}
          </p>
        )}
      </div>
      {formError && (
        <p role="alert" className="offerkit-form-error">
          {formError}
        </p>
      )}
      {state === "shared" && (
        <p role="status" className="offerkit-form-done">
          Thank you: your support contact was shared with the seller.
        </p>
      )}
      <button type="submit" className="offerkit-submit" disabled={state === "sending"}>
        {state === "sending" ? "Sharing..." : "Share contact"}
      </button>
    </form>
  );
}

function isFieldName(value: unknown): value is FieldName {
  return FIELDS.some((field) => field.name === value);
}

/** The server's issues placed on the form's fields; what fits no field is said above the button. */
function fieldErrorsOf(error: unknown): { byField: Partial<Record<ErrorKey, string>>; rest: string | null } {
  if (!(error instanceof WidgetApiError)) return { byField: {}, rest: "The contact could not be shared. Please try again." };
  const byField: Partial<Record<ErrorKey, string>> = {};
  let unplaced = false;
  for (const issue of error.issues) {
    const [head, field] = issue.path;
    if (head === "consent") byField.consent ??= issue.message;
    else if (head === "contact" && isFieldName(field)) byField[field] ??= issue.message;
    else unplaced = true;
  }
  if (error.code === "CONSENT_REQUIRED") byField.consent ??= error.message;
  const placed = Object.keys(byField).length > 0;
  return { byField, rest: placed && !unplaced ? null : error.message };
}
