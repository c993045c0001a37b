import { isOfferkitError, OfferkitError, type CreateOfferInput, type NodeOfferkitClient, type OfferView } from "@offerkit/sdk";
import { noPositionals, parseCommandArgs } from "../args";
import { connectTimed } from "../client";
import { derivedCreateKey, freshCreateKey, sendKeyFor } from "../create-key";
import type { Command } from "../command";
import { ApiFailure, UsageError } from "../errors";
import { offerDetails } from "../offer-details";
import { eulaPath, termFlags, termFlagsHelp, termOptions } from "../offer-flags";
import { readOfferFile, type OfferFile } from "../offer-file";
import { createOfferInput, productRef } from "../offer-input";
import { json, keyValues } from "../output";
import { resolveProduct } from "../products";

const name = "offers create";

const options = {
  ...termOptions,
  product: { type: "string" },
  send: { type: "boolean" },
  new: { type: "boolean" },
  "idempotency-key": { type: "string" },
} as const;

/** Which key the create carries, and where it came from: what the rep is told depends on it. */
interface CreateKey {
  value: string;
  source: "derived" | "given" | "new";
}

function chooseKey(values: { new?: boolean | undefined; "idempotency-key"?: string | undefined }, input: CreateOfferInput): CreateKey {
  const given = values["idempotency-key"] ?? input.idempotencyKey;
  if (values.new && given !== undefined) {
    const where = values["idempotency-key"] === undefined ? "the file's idempotencyKey" : "--idempotency-key";
    throw new UsageError(`--new makes another offer, ${where} answers with the same one: give one of them`, name);
  }
  if (values.new) return { value: freshCreateKey(), source: "new" };
  if (given !== undefined) return { value: given, source: "given" };
  return { value: derivedCreateKey(input), source: "derived" };
}

/** The offer as it stands now: an earlier run's may have been edited, sent or deleted since. */
async function currentOffer(client: NodeOfferkitClient, created: OfferView): Promise<OfferView> {
  try {
    return await client.offers.get({ offerId: created.id });
  } catch (error) {
    if (!isOfferkitError(error) || error.code !== "NOT_FOUND") throw error;
    const gone = new OfferkitError("NOT_FOUND", `Offer ${created.id}, which this command created before, has been deleted`, { status: 404 });
    throw new ApiFailure(gone, "Pass --new to create the offer again.");
  }
}

/**
 * Whether the create answered with an offer made by an earlier run (the server answers a known
 * key with its first offer). The server stamps a new offer after its previous answer, whose
 * `Date` header is whole seconds; an offer stamped before that second, or changed since it was
 * made, is an earlier run's. A rerun within the same second reads as new: its offer is the same.
 */
function madeEarlier(created: OfferView, current: OfferView, serverTimeBefore: Date | null): boolean {
  if (current.version !== created.version || current.sentAt !== null || current.updatedAt !== created.updatedAt) return true;
  return serverTimeBefore !== null && Date.parse(created.createdAt) < serverTimeBefore.getTime();
}

/** A failed send after a successful create leaves a draft behind; the rep needs to know its ID. */
async function sendDraft(client: NodeOfferkitClient, draft: OfferView, idempotencyKey: string | undefined, earlier: boolean): Promise<OfferView> {
  try {
    return await client.offers.send({ offerId: draft.id, ...(idempotencyKey !== undefined && { idempotencyKey }) });
  } catch (error) {
    if (!isOfferkitError(error)) throw error;
    const made = earlier ? "was created by an earlier run" : "was created";
    throw new ApiFailure(error, `Draft ${draft.id} ${made} but not sent: fix it with offerkit offers update ${draft.id}, then offerkit offers send ${draft.id}.`);
  }
}

interface Outcome {
  offer: OfferView;
  headline: string;
}

async function settle(client: NodeOfferkitClient, created: OfferView, current: OfferView, earlier: boolean, send: boolean, key: CreateKey): Promise<Outcome> {
  const id = current.id;
  const sendKey = key.source === "new" ? undefined : sendKeyFor(key.value);
  if (!earlier) {
    if (!send) return { offer: current, headline: `Created draft ${id}.` };
    return { offer: await sendDraft(client, current, sendKey, false), headline: `Created and sent ${id}.` };
  }
  const before = `${id} was created by an earlier run of this command (${created.createdAt}); nothing new was created`;
  if (current.sentAt !== null) return { offer: current, headline: `${before}, and it was sent at ${current.sentAt}: not sent again.` };
  if (!send) return { offer: current, headline: `${before}. Pass --new for another offer.` };
  if (current.version !== created.version) {
    const edited = new OfferkitError(
      "CONFLICT",
      `${id} was created by an earlier run of this command and edited since (now version ${current.version}): the draft is no longer this command's terms, so it was not sent`,
      { status: 409 },
    );
    throw new ApiFailure(edited, `Check it with offerkit offers show ${id} and send it with offerkit offers send ${id}, or pass --new for an offer with this command's terms.`);
  }
  return { offer: await sendDraft(client, current, sendKey, true), headline: `Sent ${id}, the draft an earlier run of this command created (${created.createdAt}); nothing new was created.` };
}

function keyNote(key: CreateKey): string {
  if (key.source === "new") return `Idempotency key ${key.value} (--new: a new offer, whatever ran before)`;
  if (key.source === "given") return `Idempotency key ${key.value} (given: every run with it answers with this offer)`;
  return `Idempotency key ${key.value} (from the offer's terms: the same command answers with this offer; --new makes another)`;
}

export const offersCreate: Command = {
  name,
  summary: "Create a draft offer from flags or a YAML/JSON file; --send sends it too",
  synopsis: "--product <id|ASIN> [--account <id>]... [--price k=v]... [--file offer.yaml] [--send] [--json]",
  help: `Usage: offerkit offers create [--file offer.yaml|offer.json] [flags]

Creates a draft private offer. Terms come from flags, from a file, or both: a flag replaces
the file's field. A draft may be incomplete; --send sends it at once, checking every rule.

Running the same command again answers with the same offer: the offer carries an idempotency
key made from its terms (the file's fields with the flags over them), printed with the offer.
So a create --send that is run twice sends one offer; a draft an earlier run left is sent,
unless it was edited since. --new makes another offer on purpose.

Flags:
  --file <path>               YAML or JSON with the API's create fields (productId or asin,
                              name, description, buyerAccounts, pricing, agreement,
                              acceptanceDeadline, refundPolicy, installments, eulaSha256,
                              idempotencyKey) plus eulaFile, a PDF path relative to the file.
                              Prices and amounts must be quoted strings ("30000.00"); dates
                              may stay unquoted. Paid in installments (saas_contract,
                              hourly_annual), a file lists
                                installments:
                                  - { chargeDate: 2027-01-15, amount: "30000.00" }
                              (1 to 60 charges, USD with at most 2 decimals) and grants
                              pricing.quantities (or pricing.annualQuantities) per
                              dimension as whole numbers, with those upfront prices "0".
  --product <id|ASIN>         The product: prod-... or its ASIN, e.g. B00635Y2IW
${termFlagsHelp}
  --send                      Send the offer right after creating it (once, however often
                              the command runs)
  --new                       Create another offer even if this command made one before
  --idempotency-key <key>     Use this key instead of the one made from the terms (8 to 128
                              of A-Z a-z 0-9 _ . : -)
  --json                      Print the created (or sent) offer as the API's JSON; the key
                              goes to stderr

Examples:
  offerkit offers create --product B00635Y2IW --account 0123-4567-8901 \\
    --name "Acme, three years" --description "Approved by the VP of sales" \\
    --price seats=45.50 --price storage_tb=120 --eula ./eula.pdf --duration P36M \\
    --deadline 2027-12-31 --refund-policy "Write to refunds@acme.example" --send
  offerkit offers create --file deal.yaml --send        # twice: one sent offer
  offerkit offers create --file deal.yaml --new         # a second offer, on purpose
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, options, name);
    noPositionals(positionals, name);
    const flags = { ...termFlags(values), product: values.product };
    const file: OfferFile = values.file === undefined ? {} : await readOfferFile(values.file, io.cwd);
    const ref = productRef(flags, file);
    const eula = await eulaPath(values.eula, file, io.cwd, name);
    const { client, serverTime } = connectTimed(values, io);
    const product = await resolveProduct(client, ref);
    const input = createOfferInput({ id: product.id, asin: product.asin, model: product.pricing.model }, flags, file);
    if (eula !== undefined) input.eulaSha256 = (await client.eula.upload(eula)).sha256;
    const key = chooseKey(values, input);
    const before = serverTime();
    const created = await client.offers.create({ ...input, idempotencyKey: key.value });
    const current = await currentOffer(client, created);
    const earlier = key.source !== "new" && madeEarlier(created, current, before);
    const { offer, headline } = await settle(client, created, current, earlier, values.send === true, key);
    if (values.json) {
      io.writeError(`${keyNote(key)}\n${earlier ? `${headline}\n` : ""}`);
      return io.write(json(offer));
    }
    io.write(`${headline}\n${keyNote(key)}\n\n${keyValues(offerDetails(offer, product))}`);
  },
};
