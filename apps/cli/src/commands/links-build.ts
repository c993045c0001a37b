import type { BuiltLink } from "@offerkit/sdk";
import { noPositionals, parseCommandArgs } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { UsageError } from "../errors";
import { json } from "../output";

const options = { asin: { type: "string" }, "ref-tag": { type: "string" } } as const;
const name = "links build";

/**
 * `offerkit links build`: the tracked link and the marketplace link for a product and ref tag,
 * as the server makes them (on its public URL), the same the console and the API give.
 */
export const linksBuild: Command = {
  name,
  summary: "Print a product's tracked link and marketplace link for a ref tag",
  synopsis: "--asin ASIN [--ref-tag TAG] [--json]",
  help: `Usage: offerkit ${name} --asin ASIN [--ref-tag TAG] [--json]

Prints the tracked link (the server's redirect on its public URL, which counts the click and
sends the visitor on) and the marketplace link (straight to the product page, not counted) for
one of your products. The server checks the ASIN and the tag.

Flags:
  --asin <asin>      The product's 10-character ASIN, e.g. B00635Y2IW
  --ref-tag <tag>    The campaign's tag: letters, digits and _ (default vdr_rf)
  --json             Print the API's answer as JSON

Example:
  offerkit ${name} --asin B00635Y2IW --ref-tag ads_google_q3
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, options, name);
    noPositionals(positionals, name);
    if (values.asin === undefined) throw new UsageError("missing --asin: the product's ASIN, e.g. B00635Y2IW", name);
    const client = connect(values, io);
    const refTag = values["ref-tag"];
    const link: BuiltLink = await client.links.build(refTag === undefined ? { asin: values.asin } : { asin: values.asin, refTag });
    if (values.json) return io.write(json(link));
    io.write(`tracked      ${link.trackingUrl}\nmarketplace  ${link.marketplaceUrl}\n`);
  },
};
