import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document } from "yaml";

/** What an offer file may hold: text, lists and mappings. Every leaf is text, never a number. */
export type FileValue = string | FileValue[] | { [key: string]: FileValue };

/** A place in the document: the keys and list indexes leading to a value. */
export type ValuePath = readonly (string | number)[];

export interface ReadOptions {
  /**
   * Where a count may stand unquoted: an unquoted whole number written as digits is read as
   * that text there. A count is no money and digits are exact, so `seats: 100` is safe.
   */
  countsAt?: (path: ValuePath) => boolean;
}

/**
 * Reads a YAML or JSON document (JSON is YAML) into text leaves, or the list of problems; an
 * empty document is null.
 * Numbers are refused rather than converted: YAML reads `12.50` as 12.5 and `0.1` as a binary
 * float, and an account `012345678901` loses its leading zero, so the only safe value is the
 * one the author quoted. Only counts (`options.countsAt`) may stay unquoted.
 */
export function readFileValues(text: string, format: "YAML" | "JSON", options: ReadOptions = {}): { value: FileValue | null; problems: string[] } {
  const doc = parseDocument(text);
  const [syntax] = doc.errors;
  if (syntax) return { value: null, problems: [syntax.message.split("\n")[0] ?? syntax.message] };
  if (doc.contents === null) return { value: null, problems: [] };
  const problems: string[] = [];
  const value = toValue(doc.contents, [], { doc, format, problems, countsAt: options.countsAt ?? (() => false) });
  return { value: problems.length === 0 ? value : null, problems };
}

interface Walk {
  doc: Document;
  format: string;
  problems: string[];
  countsAt: (path: ValuePath) => boolean;
}

/** What the author should quote, named as they think of it. */
function valueName(path: readonly (string | number)[]): string {
  // A product file's pricing lists dimensions, whose names are no prices.
  if (path[0] === "pricing" && path[1] !== "dimensions") return "the price";
  if (path[0] === "installments" && path[2] === "amount") return "the amount";
  return "the value";
}

/** A key as written: a numeric dimension key such as `100` stays the text the author typed. */
function keyOf(node: unknown): string | null {
  if (!isScalar(node)) return null;
  if (typeof node.value === "string") return node.value;
  if (typeof node.value === "number" || typeof node.value === "bigint") return node.source ?? String(node.value);
  return null;
}

function toValue(node: unknown, path: readonly (string | number)[], walk: Walk): FileValue | null {
  const at = path.join(".") || "the file";
  if (isAlias(node)) return toValue(node.resolve(walk.doc), path, walk);
  if (isMap(node)) {
    const entries: [string, FileValue][] = [];
    for (const pair of node.items) {
      const key = keyOf(pair.key);
      if (key === null) {
        walk.problems.push(`${at}: every key must be a name`);
        continue;
      }
      const value = toValue(pair.value, [...path, key], walk);
      if (value !== null) entries.push([key, value]);
    }
    // fromEntries defines own properties, so a `__proto__` key cannot reach the prototype.
    return Object.fromEntries(entries);
  }
  if (isSeq(node)) {
    return node.items.flatMap((item, index) => {
      const value = toValue(item, [...path, index], walk);
      return value === null ? [] : [value];
    });
  }
  if (isScalar(node) && typeof node.value === "string") return node.value;
  if (isScalar(node) && (typeof node.value === "number" || typeof node.value === "bigint")) {
    const source = node.source ?? String(node.value);
    if (walk.countsAt(path)) {
      if (/^\d+$/.test(source)) return source;
      walk.problems.push(`${at}: expected a whole number such as 100, found ${source}`);
      return null;
    }
    const what = valueName(path);
    const kind = Number.isInteger(Number(node.value)) ? "number" : "floating-point number";
    const read = String(node.value) === source ? `a ${kind}` : `the ${kind} ${String(node.value)}`;
    walk.problems.push(`${at}: quote ${what} ("${source}"); unquoted, ${walk.format} reads it as ${read}`);
    return null;
  }
  walk.problems.push(isScalar(node) && node.value !== null ? `${at}: expected text, found ${String(node.value)}` : `${at}: has no value`);
  return null;
}
