import { access } from "node:fs/promises";
import { resolve } from "node:path";
import { isOfferkitError, OfferkitError, type NodeOfferkitClient, type OfferView } from "@offerkit/sdk";
import { noPositionals, parseCommandArgs } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { UsageError } from "../errors";
import { offerDetails } from "../offer-details";
import { readOfferFile, type OfferFile } from "../offer-file";
import { createOfferInput, productRef } from "../offer-input";
import { json, keyValues } from "../output";
import { resolveProduct } from "../products";

const name = "offers create";

const options = {
  file: { type: "string" },
  product: { type: "string" },
  account: { type: "string", multiple: true },
  name: { type: "string" },
  description: { type: "string" },
  price: { type: "string", multiple: true },
  "annual-price": { type: "string", multiple: true },
  "monthly-fee": { type: "string" },
  eula: { type: "string" },
  duration: { type: "string" },
  "end-date": { type: "string" },
  deadline: { type: "string" },
  "refund-policy": { type: "string" },
  send: { type: "boolean" },
} as const;

/** The EULA to upload, from --eula or the file; a missing PDF is caught before anything is created. */
async function eulaPath(flag: string | undefined, file: OfferFile, cwd: string): Promise<string | undefined> {
  const path = flag === undefined ? file.eulaFile : resolve(cwd, flag);
  if (path === undefined) return undefined;
  try {
    await access(path);
  } catch {
    throw new UsageError(`${flag === undefined ? "eulaFile" : "--eula"} ${flag ?? path}: no such file`, name);
  }
  return path;
}

/** A failed send after a successful create leaves a draft behind; the rep needs to know its ID. */
async function sendCreated(client: NodeOfferkitClient, draft: OfferView): Promise<OfferView> {
  try {
    return await client.offers.send({ offerId: draft.id });
  } catch (error) {
    if (!isOfferkitError(error)) throw error;
    throw new OfferkitError(error.code, `${error.message} (draft ${draft.id} was created but not sent)`, {
      status: error.status,
      issues: error.issues,
    });
  }
}

export const offersCreate: Command = {
  name,
  summary: "Create a draft offer from flags or a YAML/JSON file; --send sends it too",
  synopsis: "--product <id|ASIN> [--account <id>]... [--price k=v]... [--file offer.yaml] [--send] [--json]",
  help: `Usage: offerkit offers create [--file offer.yaml|offer.json] [flags]

Creates a draft private offer. Terms come from flags, from a file, or both: a flag replaces
the file's field. A draft may be incomplete; --send sends it at once, checking every rule.

Flags:
  --file <path>               YAML or JSON with the API's create fields (productId or asin,
                              name, description, buyerAccounts, pricing, agreement,
                              acceptanceDeadline, refundPolicy, installments, eulaSha256)
                              plus eulaFile, a PDF path relative to the file. Prices and
                              amounts must be quoted strings. Paid in installments
                              (saas_contract, hourly_annual), a file lists
                              installments: [{ chargeDate, amount }] and grants
                              pricing.quantities (or pricing.annualQuantities) per
                              dimension as whole numbers, with those upfront prices "0".
  --product <id|ASIN>         The product: prod-... or its ASIN, e.g. B00635Y2IW
  --account <12 digits>       A buyer account ID; repeat for several (replaces the file's list)
  --name <text>               The offer's name, shown to the buyer
  --description <text>        An internal description, never shown to buyers
  --price <key>=<price>       A price per dimension, repeatable, in USD as written ("45.50"):
                                saas_contract: per unit for the whole term
                                usage, saas_subscription: per unit
                                hourly, hourly_annual: per instance-hour
                              Each replaces the file's price for that dimension.
  --annual-price <key>=<price>  hourly_annual only: USD for 12 months prepaid, repeatable
  --monthly-fee <price>       monthly only: USD per month
                              (free and byol products take no prices)
  --eula <pdf>                A EULA PDF to upload first; the offer uses its sha256
  --duration <P12M|P365D>     How long the agreement runs: months for saas_contract (P1M to
                              P60M), days for every other model (P1D to P1095D)
  --end-date <YYYY-MM-DD>     Or the day it ends: saas_contract paid in installments only
  --deadline <YYYY-MM-DD>     The last UTC day the buyer may accept, through 23:59:59 UTC
  --refund-policy <text>      How the buyer asks for a refund; required for a paid offer
  --send                      Send the offer right after creating it
  --json                      Print the created (or sent) offer as the API's JSON

Examples:
  offerkit offers create --product B00635Y2IW --account 012345678901 \\
    --name "Acme, three years" --description "Approved by the VP of sales" \\
    --price seats=45.50 --price storage_tb=120 --eula ./eula.pdf --duration P36M \\
    --deadline 2027-12-31 --refund-policy "Write to refunds@acme.example" --send
  offerkit offers create --file acme.yaml --deadline 2028-01-31
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, options, name);
    noPositionals(positionals, name);
    const flags = {
      product: values.product,
      accounts: values.account,
      name: values.name,
      description: values.description,
      prices: values.price,
      annualPrices: values["annual-price"],
      monthlyFee: values["monthly-fee"],
      duration: values.duration,
      endDate: values["end-date"],
      deadline: values.deadline,
      refundPolicy: values["refund-policy"],
    };
    const file: OfferFile = values.file === undefined ? {} : await readOfferFile(values.file, io.cwd);
    const ref = productRef(flags, file);
    const eula = await eulaPath(values.eula, file, io.cwd);
    const client = connect(values, io);
    const product = await resolveProduct(client, ref);
    const input = createOfferInput({ id: product.id, asin: product.asin, model: product.pricing.model }, flags, file);
    if (eula !== undefined) input.eulaSha256 = (await client.eula.upload(eula)).sha256;
    const created = await client.offers.create(input);
    const offer = values.send ? await sendCreated(client, created) : created;
    if (values.json) return io.write(json(offer));
    const headline = values.send ? `Created and sent ${offer.id}.` : `Created draft ${offer.id}.`;
    io.write(`${headline}\n\n${keyValues(offerDetails(offer, product))}`);
  },
};
