import { onePositional, parseCommandArgs } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { offerDetails } from "../offer-details";
import { json, keyValues } from "../output";
import { productForDisplay } from "../products";

const name = "offers copy";

export const offersCopy: Command = {
  name,
  summary: "Copy an offer as a new draft that replaces it",
  synopsis: "<id> [--json]",
  help: `Usage: offerkit offers copy <id> [--json]

Makes a new draft with the same terms as the offer, linked to it as its replacement. A sent
offer never changes; this is how it is replaced: copy it, update the draft through the API
(offers.update), then send the draft.

Flags:
  --json             Print the new draft as the API's JSON

Example:
  offerkit offers copy offer-8GJv0c2Zq1xY4uW7tR3sA
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {}, name);
    const offerId = onePositional(positionals, "offer ID", name);
    const client = connect(values, io);
    const copy = await client.offers.copyAsDraft({ offerId });
    if (values.json) return io.write(json(copy));
    const product = await productForDisplay(client, copy.productId);
    io.write(`Copied ${offerId} to the new draft ${copy.id}.\n\n${keyValues(offerDetails(copy, product))}`);
  },
};
