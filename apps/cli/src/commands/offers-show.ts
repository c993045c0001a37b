import { onePositional, parseCommandArgs } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { offerDetails } from "../offer-details";
import { json, keyValues } from "../output";
import { productForDisplay } from "../products";

const name = "offers show";

export const offersShow: Command = {
  name,
  summary: "Show every term of one offer, its buyer URL and EULA",
  synopsis: "<id> [--json]",
  help: `Usage: offerkit offers show <id> [--json]

Shows one offer: status, product, buyers, prices (and the quantities a payment schedule
grants), agreement, deadline, refund policy, installments and their total, the EULA (file,
pages, sha256), the buyer URL and the terms' sha256 once sent, and where it stands on the
marketplace: publishing, published (its offer ID, URL and the buyer's agreement there) or
failed, with each of the marketplace's reasons and the field it names. A draft ends with
what keeps it from being sent, one "Problem  <field>: <message>" line each.

Flags:
  --json             Print the offer as the API's JSON

Example:
  offerkit offers show offer-8GJv0c2Zq1xY4uW7tR3sA
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {}, name);
    const offerId = onePositional(positionals, "offer ID", name);
    const client = connect(values, io);
    const offer = await client.offers.get({ offerId });
    if (values.json) return io.write(json(offer));
    const product = await productForDisplay(client, offer.productId);
    io.write(keyValues(offerDetails(offer, product)));
  },
};
