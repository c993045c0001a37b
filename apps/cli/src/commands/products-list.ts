import type { Product } from "@offerkit/sdk";
import { noPositionals, parseCommandArgs } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { json, table } from "../output";

const name = "products list";

function dimensions(product: Product): string {
  return product.pricing.dimensions.map((dimension) => dimension.key).join(", ");
}

export const productsList: Command = {
  name,
  summary: "List the seller's products and how each is priced",
  synopsis: "[--json]",
  help: `Usage: offerkit products list [--json]

Lists every product of the seller: its ID, ASIN, pricing model, the dimensions an offer
prices (pass them to offers create as --price <dimension>=<price>) and its title.

Flags:
  --json             Print the products as a JSON array, each exactly as the API returns it

Example:
  offerkit products list
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {}, name);
    noPositionals(positionals, name);
    const client = connect(values, io);
    const products: Product[] = [];
    for await (const product of client.products.listAll({ limit: 100 })) products.push(product);
    if (values.json) return io.write(json(products));
    io.write(
      table(
        ["ID", "ASIN", "MODEL", "DIMENSIONS", "TITLE"],
        products.map((product) => [product.id, product.asin, product.pricing.model, dimensions(product), product.title]),
      ),
    );
  },
};
