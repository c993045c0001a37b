import { noPositionals, onePositional, parseCommandArgs } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { json, keyValues } from "../output";
import { productDetails } from "../product-details";
import { readProductFile, type ProductFile } from "../product-file";
import { createProductInput, updateProductPatch, type ProductFlags } from "../product-input";
import { resolveProduct } from "../products";
import { UsageError } from "../errors";

const listingOptions = {
  file: { type: "string" },
  title: { type: "string" },
  description: { type: "string" },
  "catalog-product-id": { type: "string" },
  highlight: { type: "string", multiple: true },
  keyword: { type: "string", multiple: true },
  category: { type: "string", multiple: true },
  price: { type: "string", multiple: true },
  "annual-price": { type: "string", multiple: true },
  "monthly-fee": { type: "string" },
} as const;

const identityOptions = {
  asin: { type: "string" },
  "marketplace-product-id": { type: "string" },
  "product-code": { type: "string" },
  model: { type: "string" },
  "usage-category": { type: "string" },
  dimension: { type: "string", multiple: true },
  "free-trial-days": { type: "string" },
} as const;

const options = { ...listingOptions, ...identityOptions } as const;

type Values = { [K in keyof typeof options]?: (typeof options)[K] extends { multiple: true } ? string[] : string };

function productFlags(values: Values): ProductFlags {
  return {
    asin: values.asin,
    title: values.title,
    description: values.description,
    marketplaceProductId: values["marketplace-product-id"],
    productCode: values["product-code"],
    catalogProductId: values["catalog-product-id"],
    highlights: values.highlight,
    keywords: values.keyword,
    categories: values.category,
    model: values.model,
    category: values["usage-category"],
    dimensions: values.dimension,
    freeTrialDays: values["free-trial-days"],
    prices: { prices: values.price, annualPrices: values["annual-price"], monthlyFee: values["monthly-fee"] },
  };
}

const listingHelp = `  --title <text>              The title buyers see (1 to 255 characters)
  --description <text>        The listing's description (1 to 5000 characters)
  --highlight <text>          A highlight, repeatable, up to 3 (replaces the file's list)
  --keyword <text>            A search keyword, repeatable, up to 3 of 50 characters
  --category <text>           A listing category, repeatable, up to 3
  --catalog-product-id <id>   The product's entity ID in the marketplace's Catalog API
                              (prod-...), needed to publish offers there
  --price <key>=<price>       A public price per dimension, repeatable, in USD as written
                              (as offers create takes an offer's; each kept price stays)
  --annual-price <key>=<price>  hourly_annual: the public 12-month price per instance type
  --monthly-fee <price>       monthly: the public fee per month`;

export const productsCreate: Command = {
  name: "products create",
  summary: "Create a product from flags or a YAML/JSON file",
  synopsis: "--asin <ASIN> --title <text> --model <model> [--dimension key=Name]... [--file product.yaml] [--json]",
  help: `Usage: offerkit products create [--file product.yaml|product.json] [flags]

Creates a product (needs products:write), so offers can be made for it. Fields come from
flags, a file, or both: a flag replaces the file's field. The pricing model and dimensions
are fixed once the product exists.

Flags:
  --file <path>                    YAML or JSON with asin, title, description,
                                   marketplaceProductId, productCode, catalogProductId,
                                   highlights, keywords, categories and
                                   pricing: { model, category, dimensions: [{ key, name }],
                                   freeTrialDays }
  --asin <ASIN>                    10 upper-case letters or digits, e.g. B0EXAMPLE1
  --marketplace-product-id <guid>  The marketplace's product ID, a lower-case GUID
  --product-code <code>            8 to 32 lower-case letters or digits, for entitlement
  --model <model>                  free, byol, hourly, hourly_annual, monthly, usage,
                                   saas_subscription or saas_contract
  --dimension <key>=<name>         A dimension the model prices, repeatable, e.g.
                                   --dimension seats=Seats (instance types for hourly)
  --usage-category <category>      usage: users, hosts, bandwidth or data;
                                   saas_subscription: units, hosts, data, requests or users
  --free-trial-days <n>            hourly models: a free trial of 5 to 31 days
${listingHelp}
  --json                           Print the product as the API's JSON

Example:
  offerkit products create --asin B0EXAMPLE1 --title "Acme Analytics" \\
    --description "Dashboards for your data" --model saas_contract \\
    --marketplace-product-id 00000000-0000-4000-8000-000000000123 \\
    --product-code acmeanalytics01 --dimension seats=Seats --dimension storage_tb="Storage (TB)"
`,
  async run(args, io) {
    const command = "products create";
    const { values, positionals } = parseCommandArgs(args, options, command);
    noPositionals(positionals, command);
    const file: ProductFile = values.file === undefined ? {} : await readProductFile(values.file, io.cwd, command);
    const input = createProductInput(productFlags(values), file, command);
    const client = connect(values, io);
    const product = await client.products.create(input);
    if (values.json) return io.write(json(product));
    io.write(`Created product ${product.id} (${product.asin}).\n\n${keyValues(productDetails(product))}`);
  },
};

export const productsUpdate: Command = {
  name: "products update",
  summary: "Change a product's listing or public prices",
  synopsis: "<id|ASIN> [--title text] [--price k=v]... [--file product.yaml] [--json]",
  help: `Usage: offerkit products update <id|ASIN> [--file product.yaml|product.json] [flags]

Changes a product's listing fields and public prices (needs products:write); what is not
given stays. The ASIN, marketplace product ID, product code, pricing model and dimensions
are fixed once the product exists: offers point at them.

Flags:
  --file <path>               A product file (see offerkit products create --help); its
                              listing fields are applied, its identity must be this product's
${listingHelp}
  --json                      Print the product as the API's JSON

Example:
  offerkit products update B00635Y2IW --title "Demo Analytics Pro" --keyword bi --keyword dashboards
`,
  async run(args, io) {
    const command = "products update";
    const { values, positionals } = parseCommandArgs(args, options, command);
    const ref = onePositional(positionals, "product ID or ASIN", command);
    const file: ProductFile = values.file === undefined ? {} : await readProductFile(values.file, io.cwd, command);
    const client = connect(values, io);
    const product = await resolveProduct(client, ref);
    const patch = updateProductPatch({ asin: product.asin, model: product.pricing.model, publicPricing: product.publicPricing }, productFlags(values), file, command);
    const changed = Object.keys(patch);
    if (changed.length === 0) throw new UsageError("nothing to change: give a flag or --file", command);
    const updated = await client.products.update({ productId: product.id, patch });
    if (values.json) return io.write(json(updated));
    io.write(`Updated product ${updated.id} (${updated.asin}): ${changed.join(", ")}.\n\n${keyValues(productDetails(updated))}`);
  },
};
