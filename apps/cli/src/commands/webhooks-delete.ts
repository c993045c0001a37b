import { onePositional, parseCommandArgs } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { UsageError } from "../errors";
import { json } from "../output";

const name = "webhooks delete";

const options = { yes: { type: "boolean", short: "y" } } as const;

export const webhooksDelete: Command = {
  name,
  summary: "Delete a webhook endpoint; it receives nothing more",
  synopsis: "<endpoint-id> [--yes] [--json]",
  help: `Usage: offerkit webhooks delete <endpoint-id> [--yes] [--json]

Deletes an endpoint for good (needs webhooks:write): nothing more is sent to it, and its
pending deliveries and delivery log go with it. From a terminal the command asks first; a script passes --yes.
To stop deliveries for a while instead, offerkit webhooks update <endpoint-id> --disable.

Flags:
  -y, --yes          Delete without asking (required when not run from a terminal)
  --json             Print { "deleted": true, "endpointId": ... } instead of text

Example:
  offerkit webhooks delete whep-V1StGXR8_Z5jdHi6B-myT --yes
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, options, name);
    const endpointId = onePositional(positionals, "endpoint ID", name);
    const client = connect(values, io);
    if (!values.yes) {
      if (io.confirm === undefined) throw new UsageError("pass --yes to delete without a terminal to ask in", name);
      const endpoint = await client.webhooks.get({ endpointId });
      if (!(await io.confirm(`Delete the webhook endpoint ${endpoint.id} (${endpoint.url})? This cannot be undone. [y/N] `))) {
        io.writeError("Nothing deleted.\n");
        return;
      }
    }
    await client.webhooks.delete({ endpointId });
    if (values.json) return io.write(json({ deleted: true, endpointId }));
    io.write(`Deleted webhook endpoint ${endpointId}.\n`);
  },
};
