/**
 * CSV as RFC 4180 writes it: CRLF line ends; a field with a comma, quote, CR or LF is quoted,
 * its quotes doubled. A text field that a spreadsheet would run as a formula gets a leading
 * apostrophe, so a product title cannot become one; every other value is written as given.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/**
 * Whether a spreadsheet would run the text as a formula. `=`, `@`, a tab or a CR at the start
 * always can. After `+` or `-`, text of digits, spaces and `+ - ( ) .` alone names no function,
 * cell or command, so it reads as a number or as text: phone numbers (`+1 206 555 0100`,
 * `-0100`) and signed amounts are data, and are left as they are.
 */
export function isSpreadsheetFormula(value: string): boolean {
  if (/^[=@\t\r]/.test(value)) return true;
  return /^[+-]/.test(value) && !/^[0-9 +\-().]*$/.test(value);
}

function csvField(value: string | number): string {
  if (typeof value === "number") return String(value);
  const safe = isSpreadsheetFormula(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
