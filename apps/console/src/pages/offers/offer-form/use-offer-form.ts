import type { Product } from "@offerkit/sdk";
import { useRef, useState, type FocusEvent, type FormEvent } from "react";
import { fieldErrorsOf, messageOf, type FieldErrors } from "../../../errors";
import { STEPS, firstStepWithError, openingStep, primaryAction, type StepName } from "./form-steps";
import { termsOf, type OfferFormValues, type OfferTermsInput, type SetFormValue } from "./offer-form-values";
import { FIELDS_OF_STEP, FIELDS_OF_VALUE, formIssues, recheckFieldErrors, replaceFieldErrors, stepIssues } from "./step-validation";
import { useStepFocus } from "./use-step-focus";

/** Moves focus to the first field marked wrong once the step has rendered with its marks. */
function focusFirstInvalid() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.offer-form [aria-invalid="true"]')?.focus());
}

/**
 * The offer form's state: the values as typed, the step on show, the field errors (the form's
 * own, by core's rules, and the server's, on the same paths) and a failure that belongs to no
 * field. A field is judged when it is left, and again as it is edited while marked (so a mark
 * clears once fixed); `submit` judges the whole step before moving on, or on Review saves the
 * terms and, when the server refuses them, goes to the first step holding an error.
 */
export function useOfferForm({ products, initial, onSubmit }: { products: Product[]; initial: OfferFormValues; onSubmit: (terms: OfferTermsInput) => Promise<void> }) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  // Steps the rep has tried to leave: from then on their missing terms are named, not only their mistakes.
  const attempted = useRef(new Set<StepName>());
  const { step, go, heading } = useStepFocus(openingStep(initial.productId));
  const product = products.find((item) => item.id === values.productId);

  const set: SetFormValue = (key, value) => {
    const next = { ...values, [key]: value };
    setValues(next);
    const fresh = formIssues(next, products.find((item) => item.id === next.productId), attempted.current);
    setErrors((current) => FIELDS_OF_VALUE[key].reduce((errors, field) => recheckFieldErrors(errors, field, fresh), current));
  };

  /** A field left (its input carries `data-field`, the path its errors have) is judged at once. */
  const onFieldLeft = (event: FocusEvent<HTMLFormElement>) => {
    const field = event.target instanceof HTMLElement ? event.target.dataset.field : undefined;
    if (field === undefined) return;
    const fresh = formIssues(values, product, attempted.current);
    setErrors((current) => replaceFieldErrors(current, field, fresh));
  };

  /** Judges the step on show, naming what is missing too; true when nothing is wrong. */
  const checkStep = (): boolean => {
    const name = STEPS[step];
    if (name === undefined) return true;
    attempted.current.add(name);
    const fresh = stepIssues(name, values, product, true);
    setErrors((current) => FIELDS_OF_STEP[name].reduce((errors, field) => replaceFieldErrors(errors, field, fresh), current));
    if (Object.keys(fresh).length > 0) focusFirstInvalid();
    return Object.keys(fresh).length === 0;
  };

  const save = async (chosen: Product) => {
    // A draft may be saved incomplete, but never with a value the server would misread or refuse.
    const typedWrong = formIssues(values, chosen, new Set());
    const first = firstStepWithError(typedWrong);
    if (first !== undefined) {
      setErrors((current) => ({ ...current, ...typedWrong }));
      go(first);
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      await onSubmit(termsOf(values, chosen));
    } catch (caught) {
      const found = fieldErrorsOf(caught);
      setErrors(found);
      const firstRefused = firstStepWithError(found);
      if (firstRefused === undefined) setFailure(messageOf(caught));
      else go(firstRefused);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const action = primaryAction(step, product);
    if (action.kind === "needProduct") setErrors((current) => ({ ...current, productId: "Choose the product this offer is for" }));
    else if (action.kind === "go") {
      if (checkStep()) go(action.step);
    } else await save(action.product);
  };

  return { values, set, errors, failure, busy, step, go, heading, product, submit, onFieldLeft };
}
