import type { Product } from "@offerkit/sdk";
import type { Session } from "../../../session";
import { durationUnitOf } from "./agreement-length";
import { BuyersStep } from "./buyers-step";
import { EulaDrop } from "./eula-drop";
import { REVIEW_STEP, STEPS, stepsWithErrors } from "./form-steps";
import type { OfferFormValues, OfferTermsInput } from "./offer-form-values";
import { PricesStep } from "./prices-step";
import { ProductStep } from "./product-step";
import { ReviewStep } from "./review-step";
import { StepList } from "./step-list";
import { TermsStep } from "./terms-step";
import { useOfferForm } from "./use-offer-form";
import "./offer-form.css";

/**
 * The offer's terms, one step at a time: product, buyer accounts, a price for exactly the
 * product's dimensions, the EULA, duration and deadline, then a review. Each field is checked
 * with core's rules when it is left and each step before moving on; the server checks it all
 * again, and its field errors are shown next to the same fields, on the step that holds them.
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
  const { values, set, errors, failure, busy, step, go, heading, product, submit, onFieldLeft } = useOfferForm({ products, initial, onSubmit });
  const current = STEPS[step];
  return (
    <form onSubmit={submit} onBlur={onFieldLeft} noValidate className="offer-form">
      <StepList current={step} invalid={stepsWithErrors(errors)} productChosen={product !== undefined} onGo={go} />
      <h2 ref={heading} tabIndex={-1}>
        {current}
      </h2>

      {current === "Product" && <ProductStep products={products} values={values} errors={errors} set={set} />}
      {current === "Buyers" && <BuyersStep values={values} errors={errors} set={set} />}
      {current === "Prices" && product && <PricesStep product={product} values={values} errors={errors} set={set} />}
      {current === "EULA" && <EulaDrop session={session} eula={values.eula} error={errors.eulaSha256} onUploaded={(eula) => set("eula", eula)} />}
      {current === "Terms" && <TermsStep values={values} errors={errors} set={set} unit={product ? durationUnitOf(product.pricing.model) : "months"} />}
      {current === "Review" && product && <ReviewStep values={values} product={product} errors={errors} onGo={go} />}

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
          {step < REVIEW_STEP ? "Next" : busy ? "Saving..." : submitLabel}
        </button>
      </div>
    </form>
  );
}
