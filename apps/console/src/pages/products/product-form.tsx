import type { PricingModel } from "@offerkit/sdk";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { fieldErrorsOf, type FieldErrors } from "../../errors";
import { PRICING_MODEL_NAMES, PRICING_MODELS } from "../../pricing-models";
import { ErrorNote, Field, describedBy } from "../../ui";
import { categoriesOf, dimensionsLabel, hasDimensions, type ProductFormValues } from "./product-form-values";

/** Most products have a handful of dimensions; the API takes up to 100 (instance types). */
const MAX_DIMENSION_ROWS = 100;

/** The first error about a field or any item under it (`keywords.2`), for a field that shows one message. */
function errorUnder(errors: FieldErrors, path: string): string | undefined {
  const key = Object.keys(errors).find((candidate) => candidate === path || candidate.startsWith(`${path}.`));
  if (key === undefined) return undefined;
  const item = /\.(\d+)$/.exec(key)?.[1];
  return item !== undefined && key !== path ? `Line ${Number(item) + 1}: ${errors[key]}` : errors[key];
}

interface ProductFormProps {
  initial: ProductFormValues;
  /** Editing fixes the model and the marketplace's identifiers: a different model is a different product. */
  editing: boolean;
  submitLabel: string;
  /** Answers the local errors, if the request could not even be made; throws the server's refusal. */
  onSubmit: (values: ProductFormValues) => Promise<FieldErrors | void>;
}

/** A product's listing, marketplace identifiers and pricing model with its dimensions. */
export function ProductForm({ initial, editing, submitLabel, onSubmit }: ProductFormProps) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // One more each time a save is refused: focus moves then, never while a field is being fixed.
  const [refusals, setRefusals] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const set = <K extends keyof ProductFormValues>(key: K, value: ProductFormValues[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
  };
  const clear = (...paths: string[]) =>
    setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([key]) => !paths.some((path) => key === path || key.startsWith(`${path}.`)))));

  // Focus goes to the first field the server refused, as in the offer form.
  useEffect(() => {
    if (refusals > 0) form.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [refusals]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const local = await onSubmit(values);
      if (local) {
        setErrors(local);
        setRefusals((value) => value + 1);
      }
    } catch (caught) {
      // products.update names its fields under `patch` (`patch.keywords`); the form's paths are create's.
      const fields = Object.fromEntries(Object.entries(fieldErrorsOf(caught)).map(([key, message]) => [key.replace(/^patch\./, ""), message]));
      setErrors(fields);
      setRefusals((value) => value + 1);
      // A refusal without a field (a duplicate ASIN, no access) shows above the button.
      if (Object.keys(fields).length === 0) setFailure(caught);
      else setFailure(new Error("Not saved: the fields marked above say why."));
    } finally {
      setBusy(false);
    }
  };

  const text = (path: keyof ProductFormValues & string, label: string, hint: string, options: { textarea?: boolean; readOnly?: boolean } = {}) => {
    const error = errorUnder(errors, path);
    const value = values[path];
    if (typeof value !== "string") return null;
    const props = {
      ...describedBy(`product-${path}`, error, true),
      value,
      readOnly: options.readOnly,
      onChange: (event: { target: { value: string } }) => {
        set(path, event.target.value);
        clear(path);
      },
    };
    return (
      <Field id={`product-${path}`} label={label} hint={hint} error={error}>
        {options.textarea ? <textarea rows={3} {...props} /> : <input {...props} autoComplete="off" spellCheck={false} />}
      </Field>
    );
  };

  const model = values.model;
  const categories = categoriesOf(model);
  const dimensionsError = errors["pricing.dimensions"];

  return (
    <form ref={form} className="product-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>Listing</legend>
        {text("title", "Title", "As buyers see it on the marketplace.")}
        {text("description", "Description", "Up to 5,000 characters.", { textarea: true })}
        {text("highlights", "Highlights", "Up to 3, one per line.", { textarea: true })}
        {text("keywords", "Search keywords", "Up to 3, one per line, 50 characters each.", { textarea: true })}
        {text("categories", "Categories", "Up to 3, one per line.", { textarea: true })}
      </fieldset>
      <fieldset>
        <legend>On the marketplace</legend>
        {editing && <p className="hint">These identify the product on the marketplace and cannot change.</p>}
        {text("asin", "ASIN", "10 upper-case letters or digits, e.g. B00635Y2IW.", { readOnly: editing })}
        {text("marketplaceProductId", "Marketplace product ID", "The marketplace's GUID for the product, lower case.", { readOnly: editing })}
        {text("productCode", "Product code", "8 to 32 lower-case letters or digits, used for entitlement.", { readOnly: editing })}
        {text("catalogProductId", "Catalog product ID (optional)", "prod-... from the marketplace's Catalog API; needed to publish offers there.")}
      </fieldset>
      <fieldset>
        <legend>Pricing</legend>
        <Field id="product-model" label="Pricing model" hint={editing ? "Fixed once the product exists: a different model is a different product." : undefined} error={errors["pricing.model"] ?? errors["pricing"]}>
          <select
            {...describedBy("product-model", errors["pricing.model"] ?? errors["pricing"], editing)}
            value={model}
            disabled={editing}
            onChange={(event) => {
              const next = PRICING_MODELS.find((candidate) => candidate === event.target.value);
              if (next) setValues((previous) => ({ ...previous, model: next, category: "" }));
              clear("pricing");
            }}
          >
            {PRICING_MODELS.map((candidate: PricingModel) => (
              <option key={candidate} value={candidate}>
                {PRICING_MODEL_NAMES[candidate]}
              </option>
            ))}
          </select>
        </Field>
        {categories.length > 0 && (
          <Field id="product-category" label="Measured in" error={errors["pricing.category"]}>
            <select
              {...describedBy("product-category", errors["pricing.category"])}
              value={values.category}
              disabled={editing}
              onChange={(event) => {
                set("category", event.target.value);
                clear("pricing.category");
              }}
            >
              <option value="">Choose...</option>
              {categories.map((category) => (
                <option key={category}>{category}</option>
              ))}
            </select>
          </Field>
        )}
        {(model === "hourly" || model === "hourly_annual") && (
          <Field id="product-trial" label="Free trial days (optional)" hint="5 to 31 days, for one instance." error={errors["pricing.freeTrialDays"]}>
            <input
              {...describedBy("product-trial", errors["pricing.freeTrialDays"], true)}
              inputMode="numeric"
              className="short"
              value={values.freeTrialDays}
              readOnly={editing}
              onChange={(event) => {
                set("freeTrialDays", event.target.value);
                clear("pricing.freeTrialDays");
              }}
            />
          </Field>
        )}
        {hasDimensions(model) && (
          <DimensionRows
            label={dimensionsLabel(model)}
            rows={values.dimensions}
            errors={errors}
            error={dimensionsError}
            readOnly={editing}
            onChange={(rows) => {
              set("dimensions", rows);
              clear("pricing.dimensions");
            }}
          />
        )}
      </fieldset>
      {failure !== undefined && <ErrorNote error={failure} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Saving..." : submitLabel}
        </button>
      </div>
    </form>
  );
}

function DimensionRows({
  label,
  rows,
  errors,
  error,
  readOnly,
  onChange,
}: {
  label: string;
  rows: ProductFormValues["dimensions"];
  errors: FieldErrors;
  error: string | undefined;
  readOnly: boolean;
  onChange: (rows: ProductFormValues["dimensions"]) => void;
}) {
  const update = (index: number, part: "key" | "name", value: string) => onChange(rows.map((row, at) => (at === index ? { ...row, [part]: value } : row)));
  return (
    <fieldset className="dimension-rows" aria-describedby={error ? "dimensions-error" : undefined}>
      <legend>{label}</legend>
      <p className="hint">The key is what offers and usage records name (letters, digits and _ . : -); the name is what buyers read.</p>
      {rows.map((row, index) => {
        const keyError = errors[`pricing.dimensions.${index}.key`];
        const nameError = errors[`pricing.dimensions.${index}.name`];
        return (
          <div className="dimension-row" key={index}>
            <Field id={`dimension-${index}-key`} label={`Key ${index + 1}`} error={keyError}>
              <input {...describedBy(`dimension-${index}-key`, keyError)} value={row.key} readOnly={readOnly} spellCheck={false} autoComplete="off" onChange={(event) => update(index, "key", event.target.value)} />
            </Field>
            <Field id={`dimension-${index}-name`} label={`Name ${index + 1}`} error={nameError}>
              <input {...describedBy(`dimension-${index}-name`, nameError)} value={row.name} readOnly={readOnly} autoComplete="off" onChange={(event) => update(index, "name", event.target.value)} />
            </Field>
            {!readOnly && rows.length > 1 && (
              <button type="button" className="remove-row" aria-label={`Remove ${label.toLowerCase()} row ${index + 1}`} onClick={() => onChange(rows.filter((_, at) => at !== index))}>
                Remove
              </button>
            )}
          </div>
        );
      })}
      {error && (
        <p className="field-error" id="dimensions-error">
          {error}
        </p>
      )}
      {!readOnly && rows.length < MAX_DIMENSION_ROWS && (
        <button type="button" onClick={() => onChange([...rows, { key: "", name: "" }])}>
          Add a row
        </button>
      )}
    </fieldset>
  );
}
