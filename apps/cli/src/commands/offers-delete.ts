import { onePositional, parseCommandArgs } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { UsageError } from "../errors";
import { json } from "../output";

const name = "offers delete";

const options = { yes: { type: "boolean", short: "y" } } as const;

export const offersDelete: Command = {
  name,
  summary: "Delete a draft; a sent offer is never deleted",
  synopsis: "<id> [--yes] [--json]",
  help: `Usage: offerkit offers delete <id> [--yes] [--json]

Deletes a draft offer for good. From a terminal the command asks first; a script passes
--yes. A sent offer is never deleted (OFFER_IMMUTABLE): it stays on record as sent.

Flags:
  -y, --yes          Delete without asking (required when not run from a terminal)
  --json             Print { "deleted": true, "offerId": ... } instead of text

Example:
  offerkit offers delete offer-8GJv0c2Zq1xY4uW7tR3sA --yes
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, options, name);
    const offerId = onePositional(positionals, "offer ID", name);
    const client = connect(values, io);
    if (!values.yes) {
      if (io.confirm === undefined) throw new UsageError("pass --yes to delete without a terminal to ask in", name);
      const offer = await client.offers.get({ offerId });
      const label = offer.name === null ? offer.id : `${offer.id} (${offer.name})`;
      if (!(await io.confirm(`Delete the ${offer.status} offer ${label}? This cannot be undone. [y/N] `))) {
        io.writeError("Nothing deleted.\n");
        return;
      }
    }
    await client.offers.delete({ offerId });
    if (values.json) return io.write(json({ deleted: true, offerId }));
    io.write(`Deleted draft ${offerId}.\n`);
  },
};
