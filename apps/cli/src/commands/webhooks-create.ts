import { isOfferkitError, OfferkitError, type CreatedWebhookEndpoint, type NodeOfferkitClient, type WebhookEndpointView } from "@offerkit/sdk";
import { noPositionals, parseCommandArgs } from "../args";
import { connectTimed } from "../client";
import type { Command } from "../command";
import { freshCreateKey } from "../create-key";
import { ApiFailure, UsageError } from "../errors";
import { json, keyValues } from "../output";
import { derivedWebhookKey } from "../webhook-create-key";
import { endpointDetails } from "../webhook-details";
import { eventTypesHelp, parseEventTypes } from "../webhook-event-types";

const name = "webhooks create";

const options = {
  endpoint: { type: "string" },
  events: { type: "string", multiple: true },
  description: { type: "string" },
  "contact-details": { type: "boolean" },
  new: { type: "boolean" },
} as const;

/** The endpoint as it stands now: an earlier run's may have been changed or deleted since. */
async function currentEndpoint(client: NodeOfferkitClient, created: WebhookEndpointView): Promise<WebhookEndpointView> {
  try {
    return await client.webhooks.get({ endpointId: created.id });
  } catch (error) {
    if (!isOfferkitError(error) || error.code !== "NOT_FOUND") throw error;
    const gone = new OfferkitError("NOT_FOUND", `Webhook endpoint ${created.id}, which this command created before, has been deleted`, { status: 404 });
    throw new ApiFailure(gone, "Pass --new to create it again.");
  }
}

/**
 * Whether the create answered with an endpoint an earlier run made (the server answers a known
 * key with its first answer). As in `offers create`: changed since, or stamped before the
 * server's previous answer (whole seconds), it is an earlier run's.
 */
function madeEarlier(created: WebhookEndpointView, current: WebhookEndpointView, serverTimeBefore: Date | null): boolean {
  if (current.updatedAt !== created.updatedAt) return true;
  return serverTimeBefore !== null && Date.parse(created.createdAt) < serverTimeBefore.getTime();
}

const secretNote = "shown this once; store it now, it cannot be shown again";

function firstRunText(created: CreatedWebhookEndpoint): string {
  const { endpoint, secret } = created;
  return (
    `Created webhook endpoint ${endpoint.id} for ${endpoint.url}.\n\n` +
    `Signing secret (${secretNote}):\n\n  ${secret}\n\n` +
    `${keyValues(endpointDetails(endpoint))}\n` +
    `Try it with offerkit webhooks test ${endpoint.id}.\n`
  );
}

function earlierHeadline(endpoint: WebhookEndpointView): string {
  return (
    `${endpoint.id} was created by an earlier run of this command (${endpoint.createdAt}); nothing new was created. Pass --new for another endpoint.\n` +
    `Its secret was shown then and is not shown again; if it was lost, offerkit webhooks rotate-secret ${endpoint.id} makes a new one.\n`
  );
}

export const webhooksCreate: Command = {
  name,
  summary: "Add a webhook endpoint; its signing secret is printed once",
  synopsis: "--endpoint <url> --events <type,...|all> [--description text] [--contact-details] [--new] [--json]",
  help: `Usage: offerkit webhooks create --endpoint <url> --events <type,...|all> [flags]

Adds an endpoint Offerkit POSTs signed events to (needs webhooks:write). Its signing secret
(whsec_...) is printed once, here: store it where your receiver verifies signatures.

Running the same command again answers with the same endpoint: the request carries an
idempotency key made from the endpoint URL, event types, description and contact setting, so a
retried create never adds a second endpoint. A rerun does not print the secret again.
--new adds another endpoint on purpose.

Flags:
  --endpoint <url>      Where events are POSTed: https, or http to localhost for
                        development (the server refuses private addresses unless its
                        operator allows them)
  --events <types>      Event types, comma-separated or repeated, or all (every type but
                        webhook.test):
${eventTypesHelp}
  --description <text>  What the endpoint is for (at most 200 characters)
  --contact-details     Send support contacts' details in contact events (https only,
                        and the key needs contacts:read)
  --new                 Add another endpoint even if this command made one before
  --json                Print { endpoint, secret } as the API returns it; the note
                        about the secret goes to stderr. A rerun prints the endpoint
                        as it is now with "secret": null

Examples:
  offerkit webhooks create --endpoint https://hooks.acme.example/offerkit --events offer.sent,offer.accepted
  offerkit webhooks create --endpoint https://crm.acme.example/hooks --events all --description "CRM sync"
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, options, name);
    noPositionals(positionals, name);
    if (values.endpoint === undefined) throw new UsageError("missing --endpoint (the URL events are POSTed to)", name);
    const eventTypes = parseEventTypes(values.events ?? [], name);
    const request = {
      url: values.endpoint,
      eventTypes,
      ...(values.description !== undefined && { description: values.description }),
      ...(values["contact-details"] === true && { includeContactDetails: true }),
    };
    const idempotencyKey = values.new ? freshCreateKey() : derivedWebhookKey(request);
    const { client, serverTime } = connectTimed(values, io);
    // Any seller key may ask who it is: the answer's Date header is the server's clock before the create.
    await client.admin.whoami();
    const before = serverTime();
    const created = await client.webhooks.create({ ...request, idempotencyKey });
    const current = values.new ? created.endpoint : await currentEndpoint(client, created.endpoint);
    const earlier = !values.new && madeEarlier(created.endpoint, current, before);
    if (values.json) {
      if (earlier) {
        io.writeError(earlierHeadline(current));
        return io.write(json({ endpoint: current, secret: null }));
      }
      io.writeError(`The signing secret in "secret" is ${secretNote}.\n`);
      return io.write(json(created));
    }
    io.write(earlier ? `${earlierHeadline(current)}\n${keyValues(endpointDetails(current))}` : firstRunText(created));
  },
};
