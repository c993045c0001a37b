import type { FieldErrors } from "../../../errors";

/** A server error about a list field: the whole list, or one of its items. */
export interface ListFieldError {
  /** The item the error is about (`installments.2.amount` -> 2); undefined for the whole list. */
  index: number | undefined;
  message: string;
}

/**
 * The errors about `field` (`installments`) and its items (`installments.0.chargeDate`), in the
 * order the server gave them, each with the item's index when its path names one.
 */
export function listFieldErrors(errors: FieldErrors, field: string): ListFieldError[] {
  return Object.entries(errors)
    .filter(([path]) => path === field || path.startsWith(`${field}.`))
    .map(([path, message]) => {
      const segment = path.split(".")[1] ?? "";
      return { index: /^\d+$/.test(segment) ? Number(segment) : undefined, message };
    });
}
