import { useState } from "react";
import { fieldErrorsOf, type FieldErrors } from "./errors";

/** A button's work: busy while it runs, and what went wrong, for an `ErrorNote`. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  /** Runs `work`; an error `placed` says it showed elsewhere becomes no failure. */
  const run = async (work: () => Promise<void>, placed: (caught: unknown) => boolean = () => false) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await work();
    } catch (caught) {
      if (!placed(caught)) setFailure(caught);
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, setFailure, run };
}

/**
 * A form's submission: as `useAction`, and what the server refuses field by field shows at those
 * fields; anything else (no access, the server unreachable) is the failure.
 */
export function useFormAction() {
  const { busy, failure, setFailure, run } = useAction();
  const [errors, setErrors] = useState<FieldErrors>({});
  return {
    busy,
    failure,
    errors,
    setErrors,
    /** Refused before sending: the form's own checks. */
    refuse(found: FieldErrors) {
      setFailure(undefined);
      setErrors(found);
    },
    submit: (work: () => Promise<void>) =>
      run(
        async () => {
          await work();
          setErrors({});
        },
        (caught) => {
          const fields = fieldErrorsOf(caught);
          setErrors(fields);
          return Object.keys(fields).length > 0;
        },
      ),
  };
}
