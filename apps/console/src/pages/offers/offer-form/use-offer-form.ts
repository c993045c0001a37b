import type { Product } from "@offerkit/sdk";
import { useState, type FormEvent } from "react";
import { fieldErrorsOf, messageOf, type FieldErrors } from "../../../errors";
import { firstStepWithError, openingStep, primaryAction } from "./form-steps";
import { termsOf, type OfferFormValues, type OfferTermsInput, type SetFormValue } from "./offer-form-values";
import { useStepFocus } from "./use-step-focus";

/**
 * The offer form's state: the values as typed, the step on show, the server's field errors
 * and a failure that belongs to no field. `submit` moves to the next step, or on Review saves
 * the terms and, when the server refuses them, goes to the first step holding an error.
 */
export function useOfferForm({ products, initial, onSubmit }: { products: Product[]; initial: OfferFormValues; onSubmit: (terms: OfferTermsInput) => Promise<void> }) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { step, go, heading } = useStepFocus(openingStep(initial.productId));
  const product = products.find((item) => item.id === values.productId);
  const set: SetFormValue = (key, value) => setValues((current) => ({ ...current, [key]: value }));

  const save = async (chosen: Product) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await onSubmit(termsOf(values, chosen));
    } catch (caught) {
      const found = fieldErrorsOf(caught);
      setErrors(found);
      const first = firstStepWithError(found);
      if (first === undefined) setFailure(messageOf(caught));
      else go(first);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const action = primaryAction(step, product);
    if (action.kind === "go") go(action.step);
    else if (action.kind === "needProduct") setErrors({ productId: "Choose the product this offer is for" });
    else await save(action.product);
  };

  return { values, set, errors, failure, busy, step, go, heading, product, submit };
}
