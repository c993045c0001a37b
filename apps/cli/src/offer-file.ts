import { readFile } from "node:fs/promises";
import { dirname, extname, resolve } from "node:path";
import type { CreateOfferInput } from "@offerkit/sdk";
import { fileProblems, UsageError } from "./errors";
import { readFileValues, type FileValue, type ValuePath } from "./file-values";

export type Pricing = NonNullable<CreateOfferInput["pricing"]>;
export type Agreement = NonNullable<CreateOfferInput["agreement"]>;
/** One charge of a payment schedule: the UTC day and the USD amount, both as written. */
export interface Installment {
  chargeDate: string;
  amount: string;
}
export type PricingModel = Pricing["model"];

// A record keyed by the SDK's own type: a pricing model added to the API and missing here fails to compile.
const modelNames: Record<PricingModel, true> = {
  free: true,
  byol: true,
  hourly: true,
  hourly_annual: true,
  monthly: true,
  usage: true,
  saas_subscription: true,
  saas_contract: true,
};
export const pricingModels = Object.keys(modelNames) as readonly PricingModel[];

/** An offer file's fields: the API's create input, a product by ID or ASIN, and a EULA by path. */
export interface OfferFile {
  product?: string;
  name?: string;
  description?: string;
  buyerAccounts?: string[];
  pricing?: Pricing;
  eulaSha256?: string;
  /** Resolved against the file's folder, so a file and its PDF travel together. */
  eulaFile?: string;
  agreement?: Agreement;
  acceptanceDeadline?: string;
  refundPolicy?: string;
  installments?: Installment[];
  idempotencyKey?: string;
}

const createCommand = "offers create";
const textFields = ["name", "description", "eulaSha256", "acceptanceDeadline", "refundPolicy", "idempotencyKey"] as const;
const knownFields = ["productId", "asin", ...textFields, "eulaFile", "buyerAccounts", "pricing", "agreement", "installments"];

/** The quantities a payment schedule grants count units: the one place a number may stand unquoted. */
const grantedQuantityFields = ["quantities", "annualQuantities"];
const isGrantedQuantity = (path: ValuePath) => path.length === 3 && path[0] === "pricing" && grantedQuantityFields.includes(String(path[1]));

type Mapping = { [key: string]: FileValue };

function isMapping(value: FileValue | undefined): value is Mapping {
  return typeof value === "object" && !Array.isArray(value);
}

/** Collects every problem of a file, so one run shows them all. */
class Reader {
  readonly problems: string[] = [];

  text(value: FileValue | undefined, path: string): string | undefined {
    if (value === undefined || typeof value === "string") return value;
    this.problems.push(`${path}: expected text`);
    return undefined;
  }

  textList(value: FileValue | undefined, path: string): string[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      this.problems.push(`${path}: expected a list`);
      return undefined;
    }
    return value.flatMap((item, index) => this.text(item, `${path}.${index}`) ?? []);
  }

  mapping(value: FileValue | undefined, path: string, allowed: readonly string[]): Mapping | undefined {
    if (value === undefined) return undefined;
    if (!isMapping(value)) {
      this.problems.push(`${path}: expected a mapping`);
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.problems.push(`${path === "" ? "" : `${path}.`}${key}: unknown field (expected ${allowed.join(", ")})`);
    }
    return value;
  }

  /** Text that must be there. When it is not, the empty placeholder never leaves: a problem stops the parse. */
  requiredText(value: FileValue | undefined, path: string): string {
    if (value === undefined) this.problems.push(`${path}: required`);
    return this.text(value, path) ?? "";
  }

  prices(value: FileValue | undefined, path: string): Record<string, string> {
    if (value === undefined || !isMapping(value)) {
      this.problems.push(`${path}: ${value === undefined ? "required" : "expected a mapping of dimension keys to prices"}`);
      return {};
    }
    const prices: [string, string][] = [];
    for (const [key, price] of Object.entries(value)) {
      const text = this.text(price, `${path}.${key}`);
      if (text !== undefined) prices.push([key, text]);
    }
    return Object.fromEntries(prices);
  }

  /** Whole numbers per dimension (`seats: 100`), sent as numbers: digits are exact. */
  quantities(value: FileValue | undefined, path: string): Record<string, number> | undefined {
    if (value === undefined) return undefined;
    if (!isMapping(value)) {
      this.problems.push(`${path}: expected a mapping of dimension keys to whole numbers`);
      return undefined;
    }
    const quantities: [string, number][] = [];
    for (const [key, quantity] of Object.entries(value)) {
      const text = this.text(quantity, `${path}.${key}`);
      if (text === undefined) continue;
      if (/^\d+$/.test(text)) quantities.push([key, Number(text)]);
      else this.problems.push(`${path}.${key}: expected a whole number such as 100, found ${text}`);
    }
    return Object.fromEntries(quantities);
  }
}

function isModel(value: string): value is PricingModel {
  return (pricingModels as readonly string[]).includes(value);
}

const pricingFields: Record<PricingModel, readonly string[]> = {
  free: [],
  byol: [],
  hourly: ["hourly"],
  hourly_annual: ["hourly", "annual", "annualQuantities"],
  monthly: ["monthlyFee"],
  usage: ["rates"],
  saas_subscription: ["rates"],
  saas_contract: ["contract", "quantities"],
};

function readPricing(reader: Reader, value: FileValue | undefined): Pricing | undefined {
  if (value === undefined) return undefined;
  if (!isMapping(value)) {
    reader.problems.push("pricing: expected a mapping");
    return undefined;
  }
  const model = value["model"];
  if (typeof model !== "string" || !isModel(model)) {
    reader.problems.push(`pricing.model: expected one of ${pricingModels.join(", ")}`);
    return undefined;
  }
  const fields = reader.mapping(value, "pricing", ["model", ...pricingFields[model]]) ?? {};
  switch (model) {
    case "free":
    case "byol":
      return { model };
    case "hourly":
      return { model, hourly: reader.prices(fields["hourly"], "pricing.hourly") };
    case "hourly_annual": {
      const annualQuantities = reader.quantities(fields["annualQuantities"], "pricing.annualQuantities");
      return {
        model,
        hourly: reader.prices(fields["hourly"], "pricing.hourly"),
        annual: reader.prices(fields["annual"], "pricing.annual"),
        ...(annualQuantities !== undefined && { annualQuantities }),
      };
    }
    case "monthly":
      return { model, monthlyFee: reader.requiredText(fields["monthlyFee"], "pricing.monthlyFee") };
    case "usage":
    case "saas_subscription":
      return { model, rates: reader.prices(fields["rates"], "pricing.rates") };
    case "saas_contract": {
      const quantities = reader.quantities(fields["quantities"], "pricing.quantities");
      return { model, contract: reader.prices(fields["contract"], "pricing.contract"), ...(quantities !== undefined && { quantities }) };
    }
  }
}

/** A payment schedule: a list of `{ chargeDate, amount }`, each amount quoted like a price. */
function readInstallments(reader: Reader, value: FileValue | undefined): Installment[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    reader.problems.push("installments: expected a list of { chargeDate, amount }");
    return undefined;
  }
  return value.flatMap((item, index) => {
    const path = `installments.${index}`;
    const fields = reader.mapping(item, path, ["chargeDate", "amount"]);
    if (fields === undefined) return [];
    return [{ chargeDate: reader.requiredText(fields["chargeDate"], `${path}.chargeDate`), amount: reader.requiredText(fields["amount"], `${path}.amount`) }];
  });
}

function readAgreement(reader: Reader, value: FileValue | undefined): Agreement | undefined {
  if (value === undefined) return undefined;
  const kind = isMapping(value) ? value["kind"] : undefined;
  if (kind === "duration") {
    const fields = reader.mapping(value, "agreement", ["kind", "duration"]) ?? {};
    return { kind, duration: reader.requiredText(fields["duration"], "agreement.duration") };
  }
  if (kind === "endDate") {
    const fields = reader.mapping(value, "agreement", ["kind", "endDate"]) ?? {};
    return { kind, endDate: reader.requiredText(fields["endDate"], "agreement.endDate") };
  }
  reader.problems.push("agreement.kind: expected duration or endDate");
  return undefined;
}

/**
 * Parses an offer file's text. `path` is the file as the user named it, for messages;
 * `eulaFile` is resolved against its folder from `cwd`.
 */
export function parseOfferFile(text: string, path: string, cwd: string, command = createCommand): OfferFile {
  const format = extname(path).toLowerCase() === ".json" ? "JSON" : "YAML";
  const { value, problems } = readFileValues(text, format, { countsAt: isGrantedQuantity });
  const reader = new Reader();
  reader.problems.push(...problems);
  const top = value ?? undefined;
  if (problems.length === 0 && !isMapping(top)) reader.problems.push("expected a mapping of offer fields, e.g. name: ...");
  const fields = isMapping(top) ? reader.mapping(top, "", knownFields) : undefined;
  const file: OfferFile = {};
  if (fields) {
    const productId = reader.text(fields["productId"], "productId");
    const asin = reader.text(fields["asin"], "asin");
    if (productId !== undefined && asin !== undefined) reader.problems.push("productId, asin: give one of them, not both");
    const product = productId ?? asin;
    if (product !== undefined) file.product = product;
    for (const field of textFields) {
      const text = reader.text(fields[field], field);
      if (text !== undefined) file[field] = text;
    }
    const eulaFile = reader.text(fields["eulaFile"], "eulaFile");
    if (eulaFile !== undefined) file.eulaFile = resolve(cwd, dirname(path), eulaFile);
    if (eulaFile !== undefined && file.eulaSha256 !== undefined) reader.problems.push("eulaFile, eulaSha256: give one of them, not both");
    const buyerAccounts = reader.textList(fields["buyerAccounts"], "buyerAccounts");
    if (buyerAccounts !== undefined) file.buyerAccounts = buyerAccounts;
    const pricing = readPricing(reader, fields["pricing"]);
    if (pricing !== undefined) file.pricing = pricing;
    const agreement = readAgreement(reader, fields["agreement"]);
    if (agreement !== undefined) file.agreement = agreement;
    const installments = readInstallments(reader, fields["installments"]);
    if (installments !== undefined) file.installments = installments;
  }
  if (reader.problems.length > 0) throw fileProblems(path, reader.problems, command);
  return file;
}

/** Reads and parses an offer file; a file that cannot be read is the caller's mistake. */
export async function readOfferFile(path: string, cwd: string, command = createCommand): Promise<OfferFile> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), "utf8");
  } catch (error) {
    const reason = error instanceof Error && "code" in error && error.code === "ENOENT" ? "no such file" : "cannot be read";
    throw new UsageError(`${path}: ${reason}`, command);
  }
  return parseOfferFile(text, path, cwd, command);
}
