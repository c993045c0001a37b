import type { NodeOfferkitClient, WebhookDeliveryView } from "@offerkit/sdk";
import { onePositional, parseCommandArgs, positiveInteger } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { UsageError } from "../errors";
import { json } from "../output";
import { deliveryLog } from "../webhook-details";

const name = "webhooks deliveries";

const options = {
  state: { type: "string" },
  limit: { type: "string" },
  all: { type: "boolean" },
} as const;

const states = ["pending", "delivered", "failed"] as const;
type DeliveryState = (typeof states)[number];

/** The most deliveries the API answers in one page. */
const PAGE = 100;
const DEFAULT_LIMIT = 25;

function deliveryState(value: string | undefined): DeliveryState | undefined {
  if (value === undefined) return undefined;
  const state = states.find((candidate) => candidate === value);
  if (state === undefined) throw new UsageError(`--state is one of ${states.join(", ")}, not ${value}`, name);
  return state;
}

interface Fetched {
  deliveries: WebhookDeliveryView[];
  more: boolean;
}

/** Newest first, page by page, until `limit` deliveries (Infinity: all of them). */
async function fetchDeliveries(client: NodeOfferkitClient, endpointId: string, state: DeliveryState | undefined, limit: number): Promise<Fetched> {
  const deliveries: WebhookDeliveryView[] = [];
  let cursor: string | null = null;
  do {
    const page = await client.webhooks.deliveries({
      endpointId,
      limit: Math.min(PAGE, limit - deliveries.length),
      ...(state !== undefined && { state }),
      ...(cursor !== null && { cursor }),
    });
    deliveries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && deliveries.length < limit);
  return { deliveries, more: cursor !== null };
}

export const webhooksDeliveries: Command = {
  name,
  summary: "Show a webhook endpoint's delivery log, each attempt on its own line",
  synopsis: "<endpoint-id> [--state failed] [--limit 25] [--all] [--json]",
  help: `Usage: offerkit webhooks deliveries <endpoint-id> [--state s] [--limit n | --all] [--json]

Shows the endpoint's delivery log, newest first (needs webhooks:read): a line per delivery
(its ID, event type, event ID, state, how many attempts, when queued or last replayed),
then each attempt on its own line: when, the HTTP status or the error when no answer came,
how long it took. A pending delivery ends with when it is tried next.

Flags:
  --state <state>    Only pending, delivered or failed deliveries
  --limit <n>        At most n deliveries (default ${DEFAULT_LIMIT}); stderr says when there are more
  --all              Every delivery the log keeps
  --json             Print the deliveries as a JSON array, each as the API returns it

Examples:
  offerkit webhooks deliveries whep-V1StGXR8_Z5jdHi6B-myT
  offerkit webhooks deliveries whep-V1StGXR8_Z5jdHi6B-myT --state failed --all
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, options, name);
    const endpointId = onePositional(positionals, "endpoint ID", name);
    const state = deliveryState(values.state);
    const limit = positiveInteger(values.limit, "--limit", name);
    if (values.all && limit !== undefined) throw new UsageError("--all and --limit: give one of them", name);
    const client = connect(values, io);
    const { deliveries, more } = await fetchDeliveries(client, endpointId, state, values.all ? Number.POSITIVE_INFINITY : (limit ?? DEFAULT_LIMIT));
    if (more) io.writeError(`The log holds more deliveries: pass --all, or a larger --limit.\n`);
    if (values.json) return io.write(json(deliveries));
    io.write(deliveries.length === 0 ? "No deliveries.\n" : deliveryLog(deliveries));
  },
};
