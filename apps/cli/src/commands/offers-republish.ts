import { onePositional, parseCommandArgs } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { publicationLines } from "../offer-details";
import { json, keyValues } from "../output";

const name = "offers republish";

export const offersRepublish: Command = {
  name,
  summary: "Publish a sent offer to the marketplace again after its publication failed",
  synopsis: "<id> [--json]",
  help: `Usage: offerkit offers republish <id> [--json]

Tries the marketplace publication of a sent offer again, with the same terms, after it
failed (see the "Publication error" lines of offers show). Refused in any other state.
The server publishes in the background: run offers show to follow it.

Flags:
  --json             Print the offer as the API's JSON

Example:
  offerkit offers republish offer-8GJv0c2Zq1xY4uW7tR3sA
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {}, name);
    const offerId = onePositional(positionals, "offer ID", name);
    const client = connect(values, io);
    const offer = await client.offers.republish({ offerId });
    if (values.json) return io.write(json(offer));
    io.write(`Publishing ${offer.id} again.\n\n${keyValues(publicationLines(offer))}`);
  },
};
