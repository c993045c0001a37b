import { formatUsd } from "@offerkit/sdk";

/** A zod-like rule the amount must also meet: core's price or installment schema, from the SDK. */
export interface AmountRule {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly { message: string }[] } };
}

/**
 * What an amount field understood: nothing yet, the plain decimal string the API takes (with
 * how it reads, `$30,000.00`), or why it was refused. Never a guess.
 */
export type ParsedAmount = { kind: "empty" } | { kind: "amount"; value: string; shown: string } | { kind: "refused"; message: string };

const DOLLARS = /^(?:\$\s*)?(.*?)(?:\s*usd)?$/i;
const USD_FIRST = /^usd\s*/i;
/** Spaces people and spreadsheets put between thousands: plain, no-break and thin spaces. */
const SPACES = /[\s\u00a0\u2009\u202f]/;
const DIGITS_ONLY = /^\d+$/;

function refused(message: string): ParsedAmount {
  return { kind: "refused", message };
}

/**
 * The whole part of an amount, grouped by one kind of separator (`30,000`, `30 000`) or not at
 * all; undefined when a group is not three digits, which is how `30,00` and `1,5` are caught.
 */
function wholeOf(text: string): string | undefined {
  if (DIGITS_ONLY.test(text)) return text;
  for (const separator of [",", " "]) {
    const groups = text.split(separator === " " ? SPACES : separator);
    if (groups.length < 2) continue;
    const [first = "", ...rest] = groups;
    if (/^\d{1,3}$/.test(first) && rest.every((group) => /^\d{3}$/.test(group))) return groups.join("");
  }
  return undefined;
}

/**
 * Reads an amount as people type it: `30000`, `30,000.00`, `30 000`, `$30,000`, `30000.5`,
 * `USD 45.50`. Commas and spaces may only separate thousands and the point only marks the
 * cents, so `30,00`, `1,5` and `30.000,00` (a comma as the decimal mark) are refused with what
 * to type instead, as are a second point, a sign and anything else. What is left must meet
 * `rule` (core's schema for the field: its decimals and its limit, in its words). The value is
 * the digits as typed, without separators (`30,000.00` -> `30000.00`).
 */
export function parseAmount(text: string, rule: AmountRule): ParsedAmount {
  const typed = text.trim();
  if (typed === "") return { kind: "empty" };
  const bare = (DOLLARS.exec(typed.replace(USD_FIRST, ""))?.[1] ?? "").trim();
  if (/^[-\u2212(]|-$|\)$/.test(typed) || /^[-\u2212]/.test(bare)) return refused("An amount cannot be negative");
  if (bare === "") return refused("Type the amount in digits, e.g. 30000.00");
  if (/[^\d.,\s\u00a0\u2009\u202f]/.test(bare)) return refused(`Type the amount in US dollars with digits only, e.g. 30,000.00 (not "${typed}")`);
  const points = bare.split(".").length - 1;
  if (points > 1) return refused("An amount has at most one decimal point, e.g. 30000.00");
  const [wholeText = "", fraction = ""] = bare.split(".");
  if (/[,\s\u00a0\u2009\u202f]/.test(fraction)) return refused("Write the cents after a point and separate thousands with commas: 30,000.00");
  if (points === 1 && fraction === "") return refused("Add the cents after the point, or leave the point out: 30000 or 30000.00");
  const whole = wholeText === "" && points === 1 ? "0" : wholeOf(wholeText);
  if (whole === undefined) {
    return refused(`"${typed}" is ambiguous: commas and spaces only separate thousands (30,000), and a point marks the cents (30.00)`);
  }
  const value = fraction === "" ? whole : `${whole}.${fraction}`;
  const checked = rule.safeParse(value);
  if (!checked.success) return refused(checked.error.issues[0]?.message ?? "This amount is not accepted");
  return { kind: "amount", value, shown: formatUsd(value, "symbol") };
}

/** The field's text once understood: the parsed value when there is one, or what was typed, for the server to name. */
export function amountToSend(text: string, rule: AmountRule): string {
  const parsed = parseAmount(text, rule);
  return parsed.kind === "amount" ? parsed.value : text.trim();
}
