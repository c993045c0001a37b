import { onePositional, parseCommandArgs } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { offerDetails } from "../offer-details";
import { json, keyValues } from "../output";
import { productForDisplay } from "../products";

const name = "offers send";

export const offersSend: Command = {
  name,
  summary: "Send a draft: every rule is checked, the terms freeze, the buyer URL is set",
  synopsis: "<id> [--json]",
  help: `Usage: offerkit offers send <id> [--json]

Sends a draft offer to its buyer accounts. The server checks every rule again and names
each field at fault; once sent, the offer never changes (copy it to make a new draft).

Flags:
  --json             Print the sent offer as the API's JSON

Example:
  offerkit offers send offer-8GJv0c2Zq1xY4uW7tR3sA
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {}, name);
    const offerId = onePositional(positionals, "offer ID", name);
    const client = connect(values, io);
    const offer = await client.offers.send({ offerId });
    if (values.json) return io.write(json(offer));
    const product = await productForDisplay(client, offer.productId);
    io.write(`Sent ${offer.id}. Buyer URL: ${offer.buyerUrl ?? "-"}\n\n${keyValues(offerDetails(offer, product))}`);
  },
};
