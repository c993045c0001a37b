/**
 * CSV as RFC 4180 writes it: CRLF line ends; a field with a comma, quote, CR or LF is quoted,
 * its quotes doubled. A text field that a spreadsheet would run as a formula (=, +, -, @, tab,
 * CR at its start) gets a leading apostrophe, so a product title cannot become a formula.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

function csvField(value: string | number): string {
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
