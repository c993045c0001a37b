import { onePositional, parseCommandArgs, positiveInteger } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { UsageError } from "../errors";
import { offerDetails } from "../offer-details";
import { eulaPath, termFlags, termFlagsHelp, termOptions } from "../offer-flags";
import { readOfferFile, type OfferFile } from "../offer-file";
import { clearableFields, updateOfferPatch } from "../offer-input";
import { json, keyValues } from "../output";

const name = "offers update";

const options = {
  ...termOptions,
  clear: { type: "string", multiple: true },
  "expected-version": { type: "string" },
} as const;

export const offersUpdate: Command = {
  name,
  summary: "Change a draft's terms from flags or a YAML/JSON file; sent offers never change",
  synopsis: "<id> [--file offer.yaml] [--price k=v]... [--clear field]... [--json]",
  help: `Usage: offerkit offers update <id> [--file offer.yaml|offer.json] [flags]

Changes the terms of a draft: each flag or file field given replaces the draft's, the others
stay. Price flags change one price each and keep the draft's other prices. The edit applies
only to the version of the draft this command read (or --expected-version): if someone
edited the draft in between, nothing is written and the command fails with CONFLICT.
A sent offer never changes (OFFER_IMMUTABLE): copy it with offerkit offers copy.

Flags:
  --file <path>               The fields of an offer file (see offerkit offers create --help);
                              its productId or asin, if any, must be the draft's product
${termFlagsHelp}
  --clear <field>             Empty a term, repeatable: ${clearableFields.join(", ")}
  --expected-version <n>      Write only if the draft is still at version n (as offers show
                              printed it)
  --json                      Print the updated offer as the API's JSON

Examples:
  offerkit offers update offer-8GJv0c2Zq1xY4uW7tR3sA --price seats=40 --deadline 2027-11-30
  offerkit offers update offer-8GJv0c2Zq1xY4uW7tR3sA --file deal.yaml --expected-version 2
  offerkit offers update offer-8GJv0c2Zq1xY4uW7tR3sA --clear installments --duration P12M
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, options, name);
    const offerId = onePositional(positionals, "offer ID", name);
    const expectedVersion = positiveInteger(values["expected-version"], "--expected-version", name);
    const file: OfferFile = values.file === undefined ? {} : await readOfferFile(values.file, io.cwd, name);
    const eula = await eulaPath(values.eula, file, io.cwd, name);
    const client = connect(values, io);
    const offer = await client.offers.get({ offerId });
    const product = await client.products.get({ productId: offer.productId });
    if (file.product !== undefined && file.product !== product.id && file.product !== product.asin) {
      throw new UsageError(`${values.file ?? "the file"}: product ${file.product} is not this draft's (${product.asin}); a draft keeps its product, so create a new offer for another`, name);
    }
    const ref = { id: product.id, asin: product.asin, model: product.pricing.model };
    const patch = updateOfferPatch(ref, termFlags(values), file, { pricing: offer.pricing }, values.clear ?? [], name);
    if (eula !== undefined) patch.eulaSha256 = (await client.eula.upload(eula)).sha256;
    const changed = Object.keys(patch);
    if (changed.length === 0) throw new UsageError("nothing to change: give a flag, --file or --clear", name);
    const updated = await client.offers.update({ offerId, expectedVersion: expectedVersion ?? offer.version, patch });
    if (values.json) return io.write(json(updated));
    io.write(`Updated ${updated.id} to version ${updated.version}: ${changed.join(", ")}.\n\n${keyValues(offerDetails(updated, product))}`);
  },
};
