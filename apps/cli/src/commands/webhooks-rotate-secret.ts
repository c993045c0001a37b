import type { RotatedWebhookSecret } from "@offerkit/sdk";
import { onePositional, parseCommandArgs } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { UsageError } from "../errors";
import { json } from "../output";

const name = "webhooks rotate-secret";

const options = { "overlap-hours": { type: "string" } } as const;

/** Whole hours, 0 included (the old secret stops at once); the server holds the upper bound. */
function overlapHours(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,4}$/.test(value)) throw new UsageError(`--overlap-hours takes whole hours (0 to 168), not ${value}`, name);
  return Number(value);
}

function overlapLine(rotated: RotatedWebhookSecret): string {
  if (rotated.previousSecretExpiresAt === null) return "The old secret no longer signs: deliveries carry the new one's signature only.";
  return `The old secret still signs deliveries, beside the new one, until ${rotated.previousSecretExpiresAt}: put the new one in your receiver before then.`;
}

export const webhooksRotateSecret: Command = {
  name,
  summary: "Give a webhook endpoint a new signing secret, printed once",
  synopsis: "<endpoint-id> [--overlap-hours 24] [--json]",
  help: `Usage: offerkit webhooks rotate-secret <endpoint-id> [--overlap-hours n] [--json]

Gives an endpoint a new signing secret (needs webhooks:write), printed once, here. During the
overlap each delivery is signed with both secrets, so a receiver verifying with either one
misses nothing while you switch it over.

Flags:
  --overlap-hours <n>   How long the old secret still signs beside the new one, 0 to 168
                        hours (default 24; 0 ends it at once, e.g. after a leak)
  --json                Print { secret, previousSecretExpiresAt } as the API returns it;
                        the note about the secret goes to stderr

Example:
  offerkit webhooks rotate-secret whep-V1StGXR8_Z5jdHi6B-myT --overlap-hours 2
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, options, name);
    const endpointId = onePositional(positionals, "endpoint ID", name);
    const hours = overlapHours(values["overlap-hours"]);
    const client = connect(values, io);
    const rotated = await client.webhooks.rotateSecret({ endpointId, ...(hours !== undefined && { overlapHours: hours }) });
    const note = "shown this once; store it now, it cannot be shown again";
    if (values.json) {
      io.writeError(`The new signing secret in "secret" is ${note}. ${overlapLine(rotated)}\n`);
      return io.write(json(rotated));
    }
    io.write(`New signing secret for ${endpointId} (${note}):\n\n  ${rotated.secret}\n\n${overlapLine(rotated)}\n`);
  },
};
