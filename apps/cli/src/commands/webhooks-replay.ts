import type { ReplayWebhookInput } from "@offerkit/sdk";
import { onePositional, parseCommandArgs } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { UsageError } from "../errors";
import { json } from "../output";

const name = "webhooks replay";

const options = {
  event: { type: "string" },
  since: { type: "string" },
  until: { type: "string" },
} as const;

interface ReplayValues {
  event?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
}

/** One event, or a range with both ends: anything else is refused before a request. */
function replayInput(endpointId: string, values: ReplayValues): ReplayWebhookInput {
  const ranged = values.since !== undefined || values.until !== undefined;
  if (values.event !== undefined && ranged) throw new UsageError("--event or --since/--until: give one of them", name);
  if (values.event !== undefined) return { endpointId, eventId: values.event };
  if (!ranged) throw new UsageError("missing --event <event-id>, or --since and --until", name);
  if (values.since === undefined || values.until === undefined) throw new UsageError(`missing --${values.since === undefined ? "since" : "until"}: a range has both ends`, name);
  return { endpointId, since: values.since, until: values.until };
}

function deliveries(count: number): string {
  return count === 1 ? "1 delivery" : `${count} deliveries`;
}

export const webhooksReplay: Command = {
  name,
  summary: "Send events to a webhook endpoint again: one by ID, or those in a time range",
  synopsis: "<endpoint-id> (--event <event-id> | --since <iso> --until <iso>) [--json]",
  help: `Usage: offerkit webhooks replay <endpoint-id> (--event <event-id> | --since <iso> --until <iso>) [--json]

Queues events for the endpoint again (needs webhooks:write), with their own event IDs, so a
receiver that deduplicates by webhook-id keeps its first copy. Events are kept as long as
the delivery log. The background deliverer sends them within moments; follow them with
offerkit webhooks deliveries.

Flags:
  --event <event-id>   One event (evt-..., as webhooks deliveries shows it)
  --since <instant>    Every event of the endpoint's types from this instant (ISO 8601,
                       e.g. 2027-03-01T00:00:00Z) ...
  --until <instant>    ... up to this one (exclusive); at most 10,000 events at once
  --json               Print { "queued": n } as the API returns it

Examples:
  offerkit webhooks replay whep-V1StGXR8_Z5jdHi6B-myT --event evt-4fQm2Xb8Lr0Zt6Yw1Kp9s
  offerkit webhooks replay whep-V1StGXR8_Z5jdHi6B-myT --since 2027-03-01T00:00:00Z --until 2027-03-02T00:00:00Z
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, options, name);
    const endpointId = onePositional(positionals, "endpoint ID", name);
    const input = replayInput(endpointId, values);
    const client = connect(values, io);
    const { queued } = await client.webhooks.replay(input);
    if (values.json) return io.write(json({ queued }));
    const what = "eventId" in input ? `of ${input.eventId}` : `of the events from ${input.since} to ${input.until}`;
    io.write(`Queued ${deliveries(queued)} ${what} to ${endpointId}.\n`);
  },
};
