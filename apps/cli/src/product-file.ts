import { readFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { fileProblems, UsageError } from "./errors";
import { readFileValues, type FileValue, type ValuePath } from "./file-values";

/** A product file's fields, as written: the API's create fields, each value text. */
export interface ProductFile {
  asin?: string;
  title?: string;
  description?: string;
  marketplaceProductId?: string;
  productCode?: string;
  catalogProductId?: string;
  highlights?: string[];
  keywords?: string[];
  categories?: string[];
  model?: string;
  /** usage and saas_subscription products: what a unit measures. */
  category?: string;
  dimensions?: { key: string; name: string }[];
  freeTrialDays?: number;
}

const textFields = ["asin", "title", "description", "marketplaceProductId", "productCode", "catalogProductId"] as const;
const listFields = ["highlights", "keywords", "categories"] as const;
const pricingFields = ["model", "category", "dimensions", "freeTrialDays"];

/** Free-trial days count days: the one number that may stand unquoted. */
const isCount = (path: ValuePath) => path.length === 2 && path[0] === "pricing" && path[1] === "freeTrialDays";

type Mapping = { [key: string]: FileValue };
const isMapping = (value: FileValue | undefined): value is Mapping => typeof value === "object" && !Array.isArray(value);

/**
 * Reads a product file (YAML or JSON): the listing fields and `pricing: { model, category,
 * dimensions: [{ key, name }], freeTrialDays }`. Every problem is named with its path at once;
 * the rules themselves (an ASIN's shape, how many dimensions a model takes) are the server's.
 */
export function parseProductFile(text: string, path: string, command: string): ProductFile {
  const format = extname(path).toLowerCase() === ".json" ? "JSON" : "YAML";
  const { value, problems } = readFileValues(text, format, { countsAt: isCount });
  const top = value ?? undefined;
  if (problems.length === 0 && !isMapping(top)) problems.push("expected a mapping of product fields, e.g. title: ...");
  const file: ProductFile = {};
  const textAt = (field: FileValue | undefined, at: string): string | undefined => {
    if (field === undefined || typeof field === "string") return field;
    problems.push(`${at}: expected text`);
    return undefined;
  };
  if (isMapping(top)) {
    const known = [...textFields, ...listFields, "pricing"];
    for (const key of Object.keys(top)) if (!known.includes(key)) problems.push(`${key}: unknown field (expected ${known.join(", ")})`);
    for (const field of textFields) {
      const read = textAt(top[field], field);
      if (read !== undefined) file[field] = read;
    }
    for (const field of listFields) {
      const list = top[field];
      if (list === undefined) continue;
      if (!Array.isArray(list)) problems.push(`${field}: expected a list`);
      else file[field] = list.flatMap((item, index) => textAt(item, `${field}.${index}`) ?? []);
    }
    const pricing = top["pricing"];
    if (pricing !== undefined && !isMapping(pricing)) problems.push("pricing: expected a mapping");
    if (isMapping(pricing)) {
      for (const key of Object.keys(pricing)) if (!pricingFields.includes(key)) problems.push(`pricing.${key}: unknown field (expected ${pricingFields.join(", ")})`);
      const model = textAt(pricing["model"], "pricing.model");
      if (model !== undefined) file.model = model;
      const category = textAt(pricing["category"], "pricing.category");
      if (category !== undefined) file.category = category;
      const days = textAt(pricing["freeTrialDays"], "pricing.freeTrialDays");
      if (days !== undefined) file.freeTrialDays = Number(days);
      const dimensions = pricing["dimensions"];
      if (dimensions !== undefined && !Array.isArray(dimensions)) problems.push("pricing.dimensions: expected a list of { key, name }");
      if (Array.isArray(dimensions)) {
        file.dimensions = dimensions.flatMap((item, index) => {
          const at = `pricing.dimensions.${index}`;
          if (!isMapping(item)) {
            problems.push(`${at}: expected { key, name }`);
            return [];
          }
          const key = textAt(item["key"], `${at}.key`) ?? "";
          return [{ key, name: textAt(item["name"], `${at}.name`) ?? key }];
        });
      }
    }
  }
  if (problems.length > 0) throw fileProblems(path, problems, command);
  return file;
}

export async function readProductFile(path: string, cwd: string, command: string): Promise<ProductFile> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), "utf8");
  } catch {
    throw new UsageError(`${path}: no such file or it cannot be read`, command);
  }
  return parseProductFile(text, path, command);
}
