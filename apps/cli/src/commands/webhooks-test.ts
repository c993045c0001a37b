import type { TestDeliveryResult } from "@offerkit/sdk";
import { onePositional, parseCommandArgs } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { json, keyValues } from "../output";
import { WebhookNotDelivered } from "../webhook-not-delivered";

const name = "webhooks test";

function details(result: TestDeliveryResult): [string, string][] {
  return [
    ["Event", result.eventId],
    ["Status", result.status === null ? "no answer" : `HTTP ${result.status}`],
    ["Duration", `${result.durationMs} ms`],
    ["Response", result.response],
    ["Next attempt", result.nextAttemptAt ?? "-"],
  ];
}

export const webhooksTest: Command = {
  name,
  summary: "Send a test event to a webhook endpoint; exit 0 when delivered, 1 when not",
  synopsis: "<endpoint-id> [--json]",
  help: `Usage: offerkit webhooks test <endpoint-id> [--json]

Sends a webhook.test event to the endpoint now (needs webhooks:write), signed like every
event, whatever types the endpoint receives, and prints what the endpoint answered: status
or error, duration, the first bytes of its answer. A failed test event is retried like any
other (the delivery log shows how). A disabled endpoint is refused: enable it first.

Exit codes: 0 when the endpoint took the event (a 2xx answer); 1 when it did not, or the
API refused; 2 a usage error. So a deploy script can check a receiver with it.

Flags:
  --json             Print the API's result { eventId, delivered, status, durationMs,
                     summary, response, nextAttemptAt }; the exit code is the same

Example:
  offerkit webhooks test whep-V1StGXR8_Z5jdHi6B-myT
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {}, name);
    const endpointId = onePositional(positionals, "endpoint ID", name);
    const client = connect(values, io);
    const result = await client.webhooks.sendTest({ endpointId });
    const headline = result.delivered ? `Delivered a test event to ${endpointId}: ${result.summary}.` : `The test event was not delivered to ${endpointId}: ${result.summary}.`;
    io.write(values.json ? json(result) : `${headline}\n\n${keyValues(details(result))}`);
    if (!result.delivered) throw new WebhookNotDelivered(`not delivered: ${result.summary}`);
  },
};
