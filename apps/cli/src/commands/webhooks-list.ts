import { noPositionals, onePositional, parseCommandArgs } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { json, keyValues, table } from "../output";
import { deliveryLog, disabledNotice, endpointDetails, endpointState } from "../webhook-details";

/** How many of the newest deliveries `webhooks show` prints. */
const SHOWN_DELIVERIES = 10;

export const webhooksList: Command = {
  name: "webhooks list",
  summary: "List the seller's webhook endpoints and whether each receives events",
  synopsis: "[--json]",
  help: `Usage: offerkit webhooks list [--json]

Lists the seller's webhook endpoints (needs webhooks:read): ID, URL, how many event types
each receives, and its state: enabled, failing since when every delivery has failed, or
disabled (with Offerkit's reason, shortened, when Offerkit disabled it; webhooks show
prints it in full).

Flags:
  --json             Print the endpoints as a JSON array, each exactly as the API returns it

Example:
  offerkit webhooks list
`,
  async run(args, io) {
    const command = "webhooks list";
    const { values, positionals } = parseCommandArgs(args, {}, command);
    noPositionals(positionals, command);
    const client = connect(values, io);
    const endpoints = await client.webhooks.list();
    if (values.json) return io.write(json(endpoints));
    if (endpoints.length === 0) return io.write("No webhook endpoints. Add one with offerkit webhooks create.\n");
    io.write(
      table(
        ["ID", "URL", "TYPES", "STATE"],
        endpoints.map((endpoint) => [endpoint.id, endpoint.url, String(endpoint.eventTypes.length), endpointState(endpoint)]),
      ),
    );
  },
};

export const webhooksShow: Command = {
  name: "webhooks show",
  summary: "Show one webhook endpoint and its last deliveries",
  synopsis: "<endpoint-id> [--json]",
  help: `Usage: offerkit webhooks show <endpoint-id> [--json]

Shows every field of one endpoint (needs webhooks:read): URL, description, state (with
Offerkit's reason in full when it disabled the endpoint), event types, whether contact
details are sent, until when a rotated-out secret still signs; then its last ${SHOWN_DELIVERIES}
deliveries, each attempt on its own line. The secret itself is never shown again.

Flags:
  --json             Print { endpoint, deliveries } as the API returns them

Example:
  offerkit webhooks show whep-V1StGXR8_Z5jdHi6B-myT
`,
  async run(args, io) {
    const command = "webhooks show";
    const { values, positionals } = parseCommandArgs(args, {}, command);
    const endpointId = onePositional(positionals, "endpoint ID", command);
    const client = connect(values, io);
    const endpoint = await client.webhooks.get({ endpointId });
    const { items } = await client.webhooks.deliveries({ endpointId, limit: SHOWN_DELIVERIES });
    if (values.json) return io.write(json({ endpoint, deliveries: items }));
    const log = items.length === 0 ? "No deliveries yet.\n" : deliveryLog(items);
    io.write(`${disabledNotice(endpoint)}${keyValues(endpointDetails(endpoint))}\nLast deliveries, newest first:\n${log}`);
  },
};
