/** Tabs and line breaks in a value would break the columns, so each cell is one line. */
function cell(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

/**
 * An aligned table: columns two spaces apart, the last one unpadded so lines carry no
 * trailing blanks. An empty cell shows as `-` so columns never look shifted.
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [headers, ...rows].map((row) => headers.map((_, i) => cell(row[i] ?? "") || "-"));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  return cells
    .map((row) => row.map((value, i) => (i === row.length - 1 ? value : value.padEnd(widths[i] ?? 0))).join("  "))
    .join("\n")
    .concat("\n");
}

/** `key  value` lines with the values aligned. */
export function keyValues(pairs: readonly (readonly [string, string])[]): string {
  const width = Math.max(0, ...pairs.map(([key]) => key.length));
  return pairs.map(([key, value]) => `${key.padEnd(width)}  ${cell(value) || "-"}`).join("\n").concat("\n");
}

/** One JSON document for scripts, exactly as the API returned it. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
