/**
 * Buyer account IDs as people paste them: `1234-5678-9012`, `1234 5678 9012`, or several in one
 * value separated by commas or line breaks. Each becomes its 12 digits; anything else is kept as
 * typed, for the server to refuse naming the field and the rule.
 */
export function normalizeAccounts(values: readonly string[]): string[] {
  return values
    .flatMap((value) => value.split(/[,\n]/))
    .map((value) => value.trim())
    .filter((value) => value !== "")
    .map((value) => {
      const digits = value.replace(/[\s-]/g, "");
      return /^[\d\s-]+$/.test(value) && /^\d{12}$/.test(digits) ? digits : value;
    });
}
