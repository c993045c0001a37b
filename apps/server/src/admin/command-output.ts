/**
 * What a command prints: text for a person, or (with `--json`) one JSON document for a script.
 * A command says both; the mode picks one. Errors go to stderr either way.
 */
export interface CommandOutput {
  json(value: unknown): void;
  text(line: string): void;
  table(header: string[], rows: string[][]): void;
}

export function commandOutput(mode: "text" | "json", write: (chunk: string) => void): CommandOutput {
  return {
    json(value) {
      if (mode === "json") write(`${JSON.stringify(value, null, 2)}\n`);
    },
    text(line) {
      if (mode === "text") write(`${line}\n`);
    },
    table(header, rows) {
      if (mode !== "text") return;
      const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
      for (const row of [header, ...rows]) {
        write(`${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd()}\n`);
      }
    },
  };
}
