import { MAX_INSTALLMENTS, calendarDateSchema, installmentAmountSchema, installmentsSchema } from "@offerkit/sdk";
import type { FieldErrors } from "../../../errors";
import { amountToSend, parseAmount } from "./amount-input";
import { listFieldErrors } from "./list-field-errors";

/** One charge of a payment schedule as the API takes it: a UTC day and a USD amount, both strings. */
export interface InstallmentInput {
  chargeDate: string;
  amount: string;
}

/** One row of the schedule as typed, with a key that stays with the row when another is removed. */
export interface InstallmentRow extends InstallmentInput {
  key: number;
}

export { MAX_INSTALLMENTS };

/** A new row's key: one more than any other row's. */
function nextKey(rows: readonly InstallmentRow[]): number {
  return rows.reduce((highest, row) => Math.max(highest, row.key), 0) + 1;
}

/** The rows for a draft's schedule, or one empty row to start a new one. */
export function installmentRowsOf(installments: readonly InstallmentInput[] | null | undefined): InstallmentRow[] {
  const rows = (installments ?? []).map((installment, index) => ({ key: index + 1, chargeDate: installment.chargeDate, amount: installment.amount }));
  return rows.length > 0 ? rows : [{ key: 1, chargeDate: "", amount: "" }];
}

/** The rows with an empty one added, up to the marketplace's 60; unchanged at 60. */
export function addInstallmentRow(rows: readonly InstallmentRow[]): InstallmentRow[] {
  if (rows.length >= MAX_INSTALLMENTS) return [...rows];
  return [...rows, { key: nextKey(rows), chargeDate: "", amount: "" }];
}

/** The rows without the one keyed `key`; the last row is emptied rather than removed. */
export function removeInstallmentRow(rows: readonly InstallmentRow[], key: number): InstallmentRow[] {
  const left = rows.filter((row) => row.key !== key);
  return left.length > 0 ? left : [{ key: nextKey(rows), chargeDate: "", amount: "" }];
}

/** A line of a schedule pasted from a spreadsheet or an email: the day, a tab, comma, semicolon or spaces, then the amount. */
const PASTED_LINE = /^\s*(\d{4}-\d{2}-\d{2})(?:\t|\s*[,;]\s*|\s+)(.*?)\s*$/;

/**
 * The rows after a schedule is pasted into the row keyed `key`: each line (`2027-01-20<TAB>
 * 30,000.00`) becomes a row in place of that one, up to 60 in all. The amount is the whole rest
 * of the line (`30,000.00`, `30 000` stay whole, to be read as any typed amount). Undefined when
 * the text is one line without a date, an amount pasted as usual.
 */
export function pasteInstallmentRows(rows: readonly InstallmentRow[], key: number, text: string): InstallmentRow[] | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const parsed = lines.map((line) => PASTED_LINE.exec(line));
  if (lines.length === 0 || parsed.some((match) => match === null) || (lines.length === 1 && !text.includes("\t"))) return undefined;
  const at = rows.findIndex((row) => row.key === key);
  if (at === -1) return undefined;
  let next = nextKey(rows);
  const pasted = parsed.map((match) => ({ key: next++, chargeDate: match?.[1] ?? "", amount: match?.[2] ?? "" }));
  const room = MAX_INSTALLMENTS - (rows.length - 1);
  return [...rows.slice(0, at), ...pasted.slice(0, room), ...rows.slice(at + 1)];
}

const isBlank = (row: InstallmentInput) => row.chargeDate.trim() === "" && row.amount.trim() === "";

/**
 * The schedule the API is sent: rows left wholly empty are skipped, each amount as understood
 * (`30,000.00` -> `30000.00`); what cannot be read goes as typed, for the server to name.
 */
export function installmentsToSend(rows: readonly InstallmentInput[]): InstallmentInput[] {
  return rows.filter((row) => !isBlank(row)).map((row) => ({ chargeDate: row.chargeDate.trim(), amount: amountToSend(row.amount, installmentAmountSchema) }));
}

/**
 * The rows checked with core's rules, keyed as the server keys the schedule it is sent
 * (`installments.1.amount`: the second row sent). An empty date or amount and an empty schedule
 * are errors only when `required` (before moving on); a typed value is checked at once.
 */
export function installmentsIssues(rows: readonly InstallmentInput[], required: boolean): FieldErrors {
  const errors: FieldErrors = {};
  const sent = rows.filter((row) => !isBlank(row));
  if (sent.length === 0) return required ? { installments: "A payment schedule has at least one installment" } : {};
  sent.forEach((row, index) => {
    const date = row.chargeDate.trim();
    if (date === "") {
      if (required) errors[`installments.${index}.chargeDate`] = "Pick the day this installment is charged";
    } else {
      const checked = calendarDateSchema.safeParse(date);
      if (!checked.success) errors[`installments.${index}.chargeDate`] = checked.error.issues[0]?.message ?? "Not a date";
    }
    const amount = parseAmount(row.amount, installmentAmountSchema);
    if (amount.kind === "refused") errors[`installments.${index}.amount`] = amount.message;
    else if (amount.kind === "empty" && required) errors[`installments.${index}.amount`] = "Type the amount charged on this day, e.g. 30,000.00";
  });
  if (Object.keys(errors).length > 0 || sent.some((row) => row.chargeDate.trim() === "" || row.amount.trim() === "")) return errors;
  const whole = installmentsSchema.safeParse(installmentsToSend(sent));
  if (!whole.success) for (const issue of whole.error.issues) errors[["installments", ...issue.path].join(".")] ??= issue.message;
  return errors;
}

/**
 * Where each row lands in the schedule sent (its index in `installments.N` paths); undefined
 * for a row left empty, which is not sent.
 */
export function sentIndexes(rows: readonly InstallmentInput[]): (number | undefined)[] {
  let next = 0;
  return rows.map((row) => (isBlank(row) ? undefined : next++));
}

/**
 * The server's (or the form's) errors about the schedule as a whole, not about one row;
 * undefined when none.
 */
export function scheduleError(errors: FieldErrors): string | undefined {
  const found = listFieldErrors(errors, "installments").filter(({ index }) => index === undefined);
  return found.length > 0 ? found.map(({ message }) => message).join(" ") : undefined;
}
