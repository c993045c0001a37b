import type { OfferView } from "@offerkit/sdk";
import { noPositionals, parseCommandArgs, positiveInteger } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { UsageError } from "../errors";
import { json, table } from "../output";
import { productsById, resolveProduct } from "../products";

const name = "offers list";
const statuses = ["draft", "sent", "accepted", "expired"] as const;
type Status = (typeof statuses)[number];

const options = {
  status: { type: "string" },
  product: { type: "string" },
  account: { type: "string" },
  limit: { type: "string" },
} as const;

function status(value: string | undefined): Status | undefined {
  if (value === undefined) return undefined;
  const known = statuses.find((candidate) => candidate === value);
  if (known === undefined) throw new UsageError(`--status is one of ${statuses.join(", ")}, not ${value}`, name);
  return known;
}

/** Two accounts fit a column; more would push NAME off the screen. */
function buyers(accounts: readonly string[]): string {
  const shown = accounts.slice(0, 2).join(", ");
  return accounts.length > 2 ? `${shown} +${accounts.length - 2}` : shown;
}

export const offersList: Command = {
  name,
  summary: "List offers, newest first, with filters",
  synopsis: "[--status s] [--product id|ASIN] [--account a] [--limit n] [--json]",
  help: `Usage: offerkit offers list [--status s] [--product id|ASIN] [--account a] [--limit n] [--json]

Lists the seller's offers page after page, newest first.

Flags:
  --status <status>        draft, sent, accepted or expired
  --product <id|ASIN>      Only offers for this product
  --account <12 digits>    Only offers to this buyer account
  --limit <n>              At most n offers (default: all)
  --json                   Print the offers as a JSON array, each exactly as the API returns it

Examples:
  offerkit offers list --status sent
  offerkit offers list --product B00635Y2IW --account 012345678901 --limit 10 --json
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, options, name);
    noPositionals(positionals, name);
    const limit = positiveInteger(values.limit, "--limit", name);
    const filter = { status: status(values.status), buyerAccount: values.account };
    const client = connect(values, io);
    const productId = values.product === undefined ? undefined : (await resolveProduct(client, values.product)).id;
    const offers: OfferView[] = [];
    for await (const offer of client.offers.listAll({ ...filter, productId, limit: Math.min(limit ?? 100, 100) })) {
      offers.push(offer);
      if (offers.length === limit) break;
    }
    if (values.json) return io.write(json(offers));
    if (offers.length === 0) return io.write("No offers.\n");
    const products = await productsById(client);
    io.write(
      table(
        ["ID", "STATUS", "PRODUCT", "BUYERS", "DEADLINE", "NAME"],
        offers.map((offer) => [
          offer.id,
          offer.status,
          products.get(offer.productId)?.asin ?? offer.productId,
          buyers(offer.buyerAccounts),
          offer.acceptanceDeadline ?? "",
          offer.name ?? "",
        ]),
      ),
    );
  },
};
