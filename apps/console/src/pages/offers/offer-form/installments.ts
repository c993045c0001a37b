import type { FieldErrors } from "../../../errors";
import { listFieldErrors } from "./list-field-errors";

/** One charge of a payment schedule as typed: a UTC day and a USD amount, both strings. */
export interface InstallmentInput {
  chargeDate: string;
  amount: string;
}

/**
 * A line is the date, a separator (spaces, a tab, a comma or a semicolon), then the amount. The
 * amount is the whole rest of the line: a comma or a space inside it (`30,000.00`, `30 000`)
 * must reach the server and be refused there, never cut the amount short.
 */
const LINE = /^([^\s,;]*)[\s,;]*(.*)$/;

/** The line's currency may be written after the amount, as the hint's "USD" invites. */
const CURRENCY_SUFFIX = /\s*USD$/i;

/**
 * The installments box, one installment per non-empty line (`2028-01-15 50000.00`). Nothing is
 * corrected or dropped: what does not parse is sent as typed, for the server to name by line.
 */
export function parseInstallments(text: string): InstallmentInput[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [, chargeDate = "", rest = ""] = LINE.exec(line) ?? [];
      return { chargeDate, amount: rest.replace(CURRENCY_SUFFIX, "") };
    });
}

/** The box's text for a draft's schedule: one `date amount` per line. */
export function installmentsText(installments: readonly InstallmentInput[]): string {
  return installments.map((installment) => `${installment.chargeDate} ${installment.amount}`).join("\n");
}

/**
 * The server's errors about the schedule as one sentence for the box, each prefixed with the
 * line it is about (`Line 2: ...`); undefined when none.
 */
export function installmentsError(errors: FieldErrors): string | undefined {
  const found = listFieldErrors(errors, "installments");
  if (found.length === 0) return undefined;
  return found.map(({ index, message }) => (index === undefined ? message : `Line ${index + 1}: ${message}`)).join(" ");
}
