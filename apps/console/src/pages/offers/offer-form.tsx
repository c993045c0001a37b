import type { EulaDocumentView, OfferView, Product } from "@offerkit/sdk";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { fieldErrorsOf, messageOf, type FieldErrors } from "../../errors";
import type { Session } from "../../session";
import { Field, Term, describedBy } from "../../ui";
import { EulaDrop } from "./eula-drop";
import { offerPricingOf, priceInputsOf, priceTablesOf, type OfferPricing, type PriceInputs } from "./pricing-fields";

/** What the form holds, as typed; turned into the API's terms on submit. */
export interface OfferFormValues {
  productId: string;
  name: string;
  description: string;
  buyerAccounts: string;
  prices: PriceInputs;
  eula: EulaDocumentView | null;
  agreementKind: "duration" | "endDate";
  months: string;
  endDate: string;
  acceptanceDeadline: string;
  refundPolicy: string;
  /** One installment per line: `2028-01-15 50000.00`. */
  installments: string;
}

export interface OfferTermsInput {
  productId: string;
  name?: string;
  description?: string;
  buyerAccounts?: string[];
  pricing?: OfferPricing;
  eulaSha256?: string;
  agreement?: { kind: "duration"; duration: string } | { kind: "endDate"; endDate: string };
  acceptanceDeadline?: string;
  refundPolicy?: string;
  installments?: { chargeDate: string; amount: string }[];
}

const STEPS = ["Product", "Buyers", "Prices", "EULA", "Terms", "Review"] as const;

/** Which step shows the field a server error path names. */
function stepOf(path: string): number {
  const head = path.split(".")[0] ?? "";
  const steps: Record<string, number> = { productId: 0, name: 0, description: 0, buyerAccounts: 1, pricing: 2, eulaSha256: 3 };
  return steps[head] ?? 4;
}

export function valuesOf(offer: OfferView | null, productId = ""): OfferFormValues {
  const agreement = offer?.agreement ?? null;
  return {
    productId: offer?.productId ?? productId,
    name: offer?.name ?? "",
    description: offer?.description ?? "",
    buyerAccounts: offer?.buyerAccounts.join("\n") ?? "",
    prices: priceInputsOf(offer?.pricing ?? null),
    eula: offer?.eula ?? null,
    agreementKind: agreement?.kind ?? "duration",
    months: agreement?.kind === "duration" && agreement.duration.endsWith("M") ? agreement.duration.slice(1, -1) : "12",
    endDate: agreement?.kind === "endDate" ? agreement.endDate : "",
    acceptanceDeadline: offer?.acceptanceDeadline ?? "",
    refundPolicy: offer?.refundPolicy ?? "",
    installments: offer?.installments?.map((installment) => `${installment.chargeDate} ${installment.amount}`).join("\n") ?? "",
  };
}

/** Each non-empty line as `date amount`; what does not parse is sent as typed, for the server to name. */
function installmentsOf(text: string): { chargeDate: string; amount: string }[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [chargeDate = "", amount = ""] = line.split(/[\s,;]+/);
      return { chargeDate, amount };
    });
}

/** The terms the form describes; what is left empty is left out, and the server says what is missing. */
export function termsOf(values: OfferFormValues, product: Product): OfferTermsInput {
  const accounts = values.buyerAccounts.split(/[\s,;]+/).filter(Boolean);
  const text = (value: string) => (value.trim() === "" ? undefined : value.trim());
  const installments = installmentsOf(values.installments);
  const agreement =
    values.agreementKind === "duration"
      ? values.months.trim() && { kind: "duration" as const, duration: `P${values.months.trim()}M` }
      : values.endDate && { kind: "endDate" as const, endDate: values.endDate };
  return {
    productId: values.productId,
    ...(text(values.name) && { name: text(values.name) }),
    ...(text(values.description) && { description: text(values.description) }),
    ...(accounts.length > 0 && { buyerAccounts: accounts }),
    pricing: offerPricingOf(product.pricing, values.prices),
    ...(values.eula && { eulaSha256: values.eula.sha256 }),
    ...(agreement && { agreement }),
    ...(values.acceptanceDeadline && { acceptanceDeadline: values.acceptanceDeadline }),
    ...(text(values.refundPolicy) && { refundPolicy: text(values.refundPolicy) }),
    ...(installments.length > 0 && { installments }),
  };
}

/**
 * The offer's terms, one step at a time: product, buyer accounts, a price for exactly the
 * product's dimensions, the EULA, duration and deadline, then a review. The server checks it
 * all; its field errors are shown next to their fields, on the step that holds them.
 */
export function OfferForm({
  session,
  products,
  initial,
  submitLabel,
  onSubmit,
}: {
  session: Session;
  products: Product[];
  initial: OfferFormValues;
  submitLabel: string;
  onSubmit: (terms: OfferTermsInput) => Promise<void>;
}) {
  const [values, setValues] = useState(initial);
  const [step, setStep] = useState(initial.productId ? 1 : 0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const product = products.find((item) => item.id === values.productId);
  const set = <K extends keyof OfferFormValues>(key: K, value: OfferFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const error = (path: string) => errors[path];

  const go = (next: number) => {
    setStep(next);
    // Move focus to the new step's heading, so keyboard and screen-reader users follow along.
    requestAnimationFrame(() => heading.current?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (step < STEPS.length - 1) {
      if (step === 0 && !product) return setErrors({ productId: "Choose the product this offer is for" });
      return go(step + 1);
    }
    if (!product) return go(0);
    setBusy(true);
    setFailure(undefined);
    try {
      await onSubmit(termsOf(values, product));
    } catch (caught) {
      const found = fieldErrorsOf(caught);
      setErrors(found);
      const paths = Object.keys(found);
      if (paths.length === 0) setFailure(messageOf(caught));
      else go(Math.min(...paths.map(stepOf)));
    } finally {
      setBusy(false);
    }
  };

  const installmentError = Object.entries(errors)
    .filter(([path]) => path.startsWith("installments"))
    .map(([path, message]) => {
      const index = Number(path.split(".")[1]);
      return Number.isInteger(index) ? `Line ${index + 1}: ${message}` : message;
    })
    .join(" ") || undefined;
  const accountErrors = Object.entries(errors).filter(([path]) => path.startsWith("buyerAccounts"));
  const accounts = values.buyerAccounts.split(/[\s,;]+/).filter(Boolean);
  const accountError = accountErrors.length
    ? accountErrors
        .map(([path, message]) => {
          const index = Number(path.split(".")[1]);
          return Number.isInteger(index) ? `${accounts[index] ?? `Account ${index + 1}`}: ${message}` : message;
        })
        .join(" ")
    : undefined;

  return (
    <form onSubmit={submit} noValidate className="offer-form">
      <ol className="steps" aria-label="Steps">
        {STEPS.map((label, index) => (
          <li key={label} aria-current={index === step ? "step" : undefined} className={Object.keys(errors).some((path) => stepOf(path) === index) ? "step-invalid" : undefined}>
            <button type="button" className="link-button" onClick={() => go(index)} disabled={index > 0 && !product}>
              {index + 1}. {label}
            </button>
          </li>
        ))}
      </ol>
      <h2 ref={heading} tabIndex={-1}>
        {STEPS[step]}
      </h2>

      {step === 0 && (
        <>
          <Field id="product" label="Product" error={error("productId")}>
            <select {...describedBy("product", error("productId"))} value={values.productId} onChange={(event) => set("productId", event.target.value)}>
              <option value="">Choose a product</option>
              {products.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.title} ({item.asin}, {item.pricing.model.replace("_", " ")})
                </option>
              ))}
            </select>
          </Field>
          <Field id="name" label="Offer name" hint="The buyer sees it, e.g. Acme, three years." error={error("name")}>
            <input {...describedBy("name", error("name"), true)} value={values.name} onChange={(event) => set("name", event.target.value)} />
          </Field>
          <Field id="description" label="Internal description" hint="For your team only; buyers never see it." error={error("description")}>
            <textarea {...describedBy("description", error("description"), true)} rows={2} value={values.description} onChange={(event) => set("description", event.target.value)} />
          </Field>
        </>
      )}

      {step === 1 && (
        <Field id="buyer-accounts" label="Buyer account IDs" hint="12 digits each; one per line, or separated by commas." error={accountError}>
          <textarea {...describedBy("buyer-accounts", accountError, true)} rows={4} value={values.buyerAccounts} onChange={(event) => set("buyerAccounts", event.target.value)} />
        </Field>
      )}

      {step === 2 && product && <PriceStep product={product} prices={values.prices} errors={errors} onChange={(prices) => set("prices", prices)} />}

      {step === 3 && <EulaDrop session={session} eula={values.eula} error={error("eulaSha256")} onUploaded={(eula) => set("eula", eula)} />}

      {step === 4 && (
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
              <Field id="months" label="Months" error={error("agreement.duration") ?? error("agreement")}>
                <input {...describedBy("months", error("agreement.duration") ?? error("agreement"))} inputMode="numeric" value={values.months} onChange={(event) => set("months", event.target.value)} />
              </Field>
            ) : (
              <Field id="end-date" label="End date" error={error("agreement.endDate") ?? error("agreement")}>
                <input {...describedBy("end-date", error("agreement.endDate") ?? error("agreement"))} type="date" value={values.endDate} onChange={(event) => set("endDate", event.target.value)} />
              </Field>
            )}
          </fieldset>
          <Field id="deadline" label="Acceptance deadline" hint="The last day (UTC) on which the buyer may accept." error={error("acceptanceDeadline")}>
            <input {...describedBy("deadline", error("acceptanceDeadline"), true)} type="date" value={values.acceptanceDeadline} onChange={(event) => set("acceptanceDeadline", event.target.value)} />
          </Field>
          <Field id="refund-policy" label="Refund policy" hint="Required for a paid offer: how the buyer asks for a refund." error={error("refundPolicy")}>
            <textarea {...describedBy("refund-policy", error("refundPolicy"), true)} rows={2} value={values.refundPolicy} onChange={(event) => set("refundPolicy", event.target.value)} />
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
      )}

      {step === 5 && product && <Review values={values} product={product} />}

      {failure && (
        <p className="error-note" role="alert">
          {failure}
        </p>
      )}
      <div className="actions">
        {step > 0 && (
          <button type="button" onClick={() => go(step - 1)}>
            Back
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {step < STEPS.length - 1 ? "Next" : busy ? "Saving..." : submitLabel}
        </button>
      </div>
    </form>
  );
}

function PriceStep({ product, prices, errors, onChange }: { product: Product; prices: PriceInputs; errors: FieldErrors; onChange: (prices: PriceInputs) => void }) {
  const tables = priceTablesOf(product.pricing);
  const general = Object.entries(errors).find(([path]) => path === "pricing" || path === "pricing.model")?.[1];
  const input = (key: string, label: string, hint?: string) => {
    const id = `price-${key.replace(".", "-")}`;
    const error = errors[`pricing.${key}`];
    return (
      <Field key={key} id={id} label={label} hint={hint} error={error}>
        <input {...describedBy(id, error, Boolean(hint))} inputMode="decimal" placeholder="0.00" value={prices[key] ?? ""} onChange={(event) => onChange({ ...prices, [key]: event.target.value })} />
      </Field>
    );
  };
  let body: ReactNode;
  if (product.pricing.model === "free" || product.pricing.model === "byol") body = <p>This product is {product.pricing.model === "free" ? "free" : "bring your own license"}: the offer has no prices.</p>;
  else if (product.pricing.model === "monthly") body = input("monthlyFee", "USD per month", "Prorated by day in the first and last month.");
  else
    body = tables.map((table) => (
      <fieldset key={table.key}>
        <legend>{table.label}</legend>
        {product.pricing.dimensions.map((dimension) => input(`${table.key}.${dimension.key}`, `${dimension.name} (${dimension.key})`))}
      </fieldset>
    ));
  return (
    <>
      <p className="hint">Prices are in USD, written with a dot: 1200 or 0.125.</p>
      {general && <p className="field-error">{general}</p>}
      {body}
    </>
  );
}

function Review({ values, product }: { values: OfferFormValues; product: Product }) {
  const terms = termsOf(values, product);
  const rows: [string, ReactNode][] = [
    ["Product", `${product.title} (${product.asin})`],
    ["Name", terms.name ?? "missing"],
    ["Buyer accounts", terms.buyerAccounts?.join(", ") ?? "missing"],
    ["Prices", <PricesSummary key="prices" pricing={terms.pricing} />],
    ["EULA", values.eula ? `${values.eula.fileName}, ${values.eula.pageCount} pages` : "missing"],
    ["Agreement", terms.agreement ? (terms.agreement.kind === "duration" ? `${values.months} months` : `until ${terms.agreement.endDate}`) : "missing"],
    ["Acceptance deadline", terms.acceptanceDeadline ?? "missing"],
    ["Refund policy", terms.refundPolicy ?? "none"],
    ["Installments", terms.installments ? terms.installments.map((installment) => `${installment.chargeDate}: ${installment.amount} USD`).join(", ") : "paid at once"],
  ];
  return (
    <dl className="terms">
      {rows.map(([label, value]) => (
        <Term key={label} label={label} value={value} />
      ))}
    </dl>
  );
}

export function PricesSummary({ pricing }: { pricing: OfferPricing | null | undefined }) {
  if (!pricing) return <>missing</>;
  const lines: string[] = [];
  const add = (label: string, table: Record<string, string>) => {
    for (const [dimension, price] of Object.entries(table)) lines.push(`${dimension}: ${price} USD ${label}`);
  };
  if ("hourly" in pricing) add("per hour", pricing.hourly);
  if ("annual" in pricing) add("per year", pricing.annual);
  if ("rates" in pricing) add("per unit", pricing.rates);
  if ("contract" in pricing) add("per unit for the term", pricing.contract);
  if ("monthlyFee" in pricing) lines.push(`${pricing.monthlyFee} USD per month`);
  if (lines.length === 0) return <>{pricing.model === "free" || pricing.model === "byol" ? "no prices" : "missing"}</>;
  return (
    <ul className="plain">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
