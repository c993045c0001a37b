import type { UpdateWebhookEndpointInput } from "@offerkit/sdk";
import { onePositional, parseCommandArgs } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { UsageError } from "../errors";
import { json, keyValues } from "../output";
import { endpointDetails } from "../webhook-details";
import { parseEventTypes } from "../webhook-event-types";

const name = "webhooks update";

const options = {
  endpoint: { type: "string" },
  events: { type: "string", multiple: true },
  description: { type: "string" },
  enable: { type: "boolean" },
  disable: { type: "boolean" },
  "contact-details": { type: "boolean" },
  "no-contact-details": { type: "boolean" },
} as const;

/** A flag and its opposite: both given is a mistake, neither leaves the field as it is. */
function eitherOf(on: boolean | undefined, off: boolean | undefined, flags: string): boolean | undefined {
  if (on && off) throw new UsageError(`${flags}: give one of them`, name);
  if (on) return true;
  if (off) return false;
  return undefined;
}

export const webhooksUpdate: Command = {
  name,
  summary: "Change a webhook endpoint's URL, event types or description; turn it on or off",
  synopsis: "<endpoint-id> [--endpoint url] [--events types] [--description text] [--enable|--disable] [--json]",
  help: `Usage: offerkit webhooks update <endpoint-id> [flags]

Changes an endpoint (needs webhooks:write); what is not given stays.

Flags:
  --endpoint <url>         A new endpoint URL (the same rules as webhooks create)
  --events <types>         Replaces the event types: comma-separated or repeated, or all
                           (see offerkit webhooks create --help for the list)
  --description <text>     A new description; "" clears it
  --enable                 Turn the endpoint on: also after Offerkit disabled it for failing,
                           once its receiver is fixed; its pending deliveries resume
  --disable                Turn it off: it receives nothing until enabled again
  --contact-details        Send support contacts' details in contact events
  --no-contact-details     Stop sending them
  --json                   Print the endpoint as the API's JSON

Examples:
  offerkit webhooks update whep-V1StGXR8_Z5jdHi6B-myT --events all
  offerkit webhooks update whep-V1StGXR8_Z5jdHi6B-myT --enable
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, options, name);
    const endpointId = onePositional(positionals, "endpoint ID", name);
    const enabled = eitherOf(values.enable, values.disable, "--enable and --disable");
    const includeContactDetails = eitherOf(values["contact-details"], values["no-contact-details"], "--contact-details and --no-contact-details");
    const patch: Omit<UpdateWebhookEndpointInput, "endpointId"> = {
      ...(values.endpoint !== undefined && { url: values.endpoint }),
      ...(values.events !== undefined && { eventTypes: parseEventTypes(values.events, name) }),
      ...(values.description !== undefined && { description: values.description }),
      ...(includeContactDetails !== undefined && { includeContactDetails }),
      ...(enabled !== undefined && { enabled }),
    };
    // "enabled" would read as the new state even when turning it off: name what was done instead.
    const changed = Object.keys(patch).map((field) => (field === "enabled" ? (patch.enabled ? "enabled" : "disabled") : field));
    if (changed.length === 0) throw new UsageError("nothing to change: give --endpoint, --events, --description, --enable, --disable or a contact-details flag", name);
    const client = connect(values, io);
    const endpoint = await client.webhooks.update({ endpointId, ...patch });
    if (values.json) return io.write(json(endpoint));
    io.write(`Updated webhook endpoint ${endpoint.id}: ${changed.join(", ")}.\n\n${keyValues(endpointDetails(endpoint))}`);
  },
};
