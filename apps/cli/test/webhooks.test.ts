import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { createOfferkitClient, verifyWebhook, type CreatedWebhookEndpoint, type NodeOfferkitClient, type WebhookEndpointView } from "@offerkit/sdk";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli";

interface Received {
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let server: ServerProcess;
let client: NodeOfferkitClient;
let env: Record<string, string>;
let receiver: Server;
let hookUrl: string;
/** How many requests from now the receiver answers 500, playing a broken receiver; then 200 again. */
let failuresToGive = 0;
const received: Received[] = [];

function lines(text: string): string[] {
  return text.split("\n").filter((line) => line !== "");
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; tries < 100; tries += 1) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`Gave up waiting: ${what}`);
}

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ method: request.method ?? "", headers: request.headers, body });
      // Counted by request, not by time: the server's quick retry may come before the test goes on.
      const broken = failuresToGive > 0;
      if (broken) failuresToGive -= 1;
      response.writeHead(broken ? 500 : 200, { "content-type": "text/plain" }).end(broken ? "receiver broken" : "ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  // The receiver is on loopback, which the server refuses unless told; a fast retry lets the log show a second attempt.
  server = await startServerProcess({ OFFERKIT_WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", OFFERKIT_WEBHOOK_RETRY_BASE_MS: "100" });
  client = createOfferkitClient({ baseUrl: server.url, apiKey: ADMIN_KEY });
  env = { OFFERKIT_URL: server.url, OFFERKIT_API_KEY: ADMIN_KEY };
});

afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe("offerkit webhooks", () => {
  let created: CreatedWebhookEndpoint;
  let endpointId = "";
  let firstEventId = "";

  it("creates an endpoint and prints its secret once, to stdout's JSON with the note on stderr", async () => {
    const result = await runCli(["webhooks", "create", "--endpoint", hookUrl, "--events", "offer.sent,offer.accepted", "--description", "CRM sync", "--json"], { env });
    expect(result.code).toBe(0);
    created = JSON.parse(result.stdout) as CreatedWebhookEndpoint;
    endpointId = created.endpoint.id;
    expect(created.secret).toMatch(/^whsec_/);
    expect(created.endpoint).toMatchObject({ url: hookUrl, eventTypes: ["offer.accepted", "offer.sent"], description: "CRM sync", enabled: true });
    expect(lines(result.stderr)).toEqual(['The signing secret in "secret" is shown this once; store it now, it cannot be shown again.']);
    expect(result.stderr).not.toContain("whsec_");
  });

  it("prints the secret once in text, with the line saying it is not shown again", async () => {
    const result = await runCli(["webhooks", "create", "--endpoint", hookUrl, "--events", "all", "--description", "To delete"], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const [headline = "", secretLine = ""] = lines(result.stdout);
    expect(headline).toMatch(/^Created webhook endpoint whep-\S+ for http:\/\/127\.0\.0\.1:\d+\/hooks\.$/);
    expect(secretLine).toBe("Signing secret (shown this once; store it now, it cannot be shown again):");
    expect(count(result.stdout, "whsec_")).toBe(1);
    // all: every type but the test event, which is only sent on request.
    expect(result.stdout).toMatch(/^Events +11: agreement\.created, /m);
    expect(result.stdout).not.toContain("webhook.test");
  });

  it("answers a rerun of the same create with the same endpoint, without its secret", async () => {
    // The server's Date header counts whole seconds: a rerun a second later is told apart.
    await sleep(1_100);
    const again = await runCli(["webhooks", "create", "--events", "offer.accepted", "--events", "offer.sent", "--description", "CRM sync", "--endpoint", hookUrl], { env });
    expect(again).toMatchObject({ code: 0, stderr: "" });
    expect(lines(again.stdout).slice(0, 2)).toEqual([
      `${endpointId} was created by an earlier run of this command (${created.endpoint.createdAt}); nothing new was created. Pass --new for another endpoint.`,
      `Its secret was shown then and is not shown again; if it was lost, offerkit webhooks rotate-secret ${endpointId} makes a new one.`,
    ]);
    expect(again.stdout).not.toContain("whsec_");
    const json = await runCli(["webhooks", "create", "--endpoint", hookUrl, "--events", "offer.sent,offer.accepted", "--description", "CRM sync", "--json"], { env });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ endpoint: { id: endpointId }, secret: null });
    expect((await client.webhooks.list()).filter((endpoint) => endpoint.description === "CRM sync")).toHaveLength(1);
  });

  it("refuses an unknown event type before any request, listing the known ones", async () => {
    const result = await runCli(["webhooks", "create", "--endpoint", hookUrl, "--events", "offer.sent,offer.snet"], { env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(lines(result.stderr)).toEqual([
      "offerkit: unknown event type offer.snet: all, or some of offer.sent, offer.published, offer.publication_failed, offer.accepted, offer.expired, agreement.created, agreement.ended, contact.shared, contact.updated, contact.withdrawn, conversion.credited, webhook.test",
      "Run offerkit webhooks create --help",
    ]);
  });

  it("lets the server refuse plain http to another host, naming the url field on its own line", async () => {
    const result = await runCli(["webhooks", "create", "--endpoint", "http://example.com/hooks", "--events", "offer.sent", "--new"], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(lines(result.stderr)).toEqual(["offerkit: VALIDATION_FAILED: url: A webhook URL uses https; plain http is only for this machine (localhost) during development"]);
  });

  it("lists the endpoints with their type counts and states", async () => {
    const result = await runCli(["webhooks", "list"], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const [header = "", ...rows] = lines(result.stdout);
    expect(header).toMatch(/^ID +URL +TYPES +STATE$/);
    expect(rows).toContainEqual(expect.stringMatching(new RegExp(`^${endpointId} +${hookUrl} +2 +enabled$`)));
    expect(rows).toHaveLength(2);
  });

  it("sends a signed test event and exits 0 when the endpoint takes it", async () => {
    const result = await runCli(["webhooks", "test", endpointId], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(lines(result.stdout)[0]).toMatch(new RegExp(`^Delivered a test event to ${endpointId}: HTTP 200 in \\d+ ms\\.$`));
    firstEventId = /^Event +(evt-\S+)$/m.exec(result.stdout)?.[1] ?? "";
    const [request] = received;
    expect(request?.method).toBe("POST");
    expect(request?.headers).toMatchObject({ "webhook-id": firstEventId, "webhook-timestamp": expect.stringMatching(/^\d+$/), "webhook-signature": expect.stringMatching(/^v1,/) });
    const event = await verifyWebhook(created.secret, request?.headers ?? {}, request?.body ?? "");
    expect(event).toMatchObject({ id: firstEventId, type: "webhook.test" });
  });

  it("exits 1 when the endpoint answers 500, printing the status", async () => {
    failuresToGive = 1;
    const result = await runCli(["webhooks", "test", endpointId], { env });
    expect(result.code).toBe(1);
    expect(lines(result.stdout)[0]).toMatch(new RegExp(`^The test event was not delivered to ${endpointId}: HTTP 500 in \\d+ ms\\.$`));
    expect(result.stdout).toMatch(/^Status +HTTP 500$/m);
    expect(result.stdout).toMatch(/^Response +receiver broken$/m);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^offerkit: not delivered: HTTP 500 in \d+ ms$/)]);
  });

  it("shows the log: the failed test event's retry succeeded, each attempt on its own line", async () => {
    await waitFor(async () => (await client.webhooks.deliveries({ endpointId, state: "pending" })).items.length === 0, "the retry of the failed test event");
    const result = await runCli(["webhooks", "deliveries", endpointId], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const log = lines(result.stdout);
    expect(log.filter((line) => line.startsWith("whdl-"))).toEqual([
      expect.stringMatching(/^whdl-\S+ {2}webhook\.test {2}evt-\S+ {2}delivered {2}2 attempts {2}queued \S+$/),
      expect.stringMatching(new RegExp(`^whdl-\\S+ {2}webhook\\.test {2}${firstEventId} {2}delivered {2}1 attempt {2}queued \\S+$`)),
    ]);
    const attempts = log.filter((line) => line.startsWith("  "));
    expect(attempts).toHaveLength(3);
    expect(attempts.map((line) => /HTTP \d+/.exec(line)?.[0]).sort()).toEqual(["HTTP 200", "HTTP 200", "HTTP 500"]);
    for (const line of attempts) expect(line).toMatch(/^ {2}\d{4}-\d\d-\d\dT\S+Z {2}HTTP \d{3} {2}\d+ ms$/);
    const failed = await runCli(["webhooks", "deliveries", endpointId, "--state", "failed", "--json"], { env });
    expect(JSON.parse(failed.stdout)).toEqual([]);
  });

  it("shows the endpoint with its last deliveries", async () => {
    const result = await runCli(["webhooks", "show", endpointId], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(new RegExp(`^URL +${hookUrl}$`, "m"));
    expect(result.stdout).toMatch(/^Events +2: offer\.accepted, offer\.sent$/m);
    expect(result.stdout).toMatch(/^State +enabled$/m);
    expect(result.stdout).toContain("Last deliveries, newest first:\n");
    expect(result.stdout).not.toContain("whsec_");
  });

  it("replays one event by its ID", async () => {
    const before = received.length;
    const result = await runCli(["webhooks", "replay", endpointId, "--event", firstEventId], { env });
    expect(result).toEqual({ code: 0, stdout: `Queued 1 delivery of ${firstEventId} to ${endpointId}.\n`, stderr: "" });
    await waitFor(async () => Promise.resolve(received.length > before), "the replayed delivery");
    expect(received.at(-1)?.headers["webhook-id"]).toBe(firstEventId);
    const both = await runCli(["webhooks", "replay", endpointId, "--event", firstEventId, "--since", "2026-01-01T00:00:00Z"], { env });
    expect(both.code).toBe(2);
  });

  it("rotates the secret, printing the new one once", async () => {
    const result = await runCli(["webhooks", "rotate-secret", endpointId, "--overlap-hours", "2"], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const secret = /^ {2}(whsec_\S+)$/m.exec(result.stdout)?.[1] ?? "";
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(created.secret);
    expect(count(result.stdout, "whsec_")).toBe(1);
    expect(result.stdout).toMatch(/^The old secret still signs deliveries, beside the new one, until \S+: put the new one in your receiver before then\.$/m);
    const endpoint: WebhookEndpointView = await client.webhooks.get({ endpointId });
    expect(endpoint.previousSecretExpiresAt).not.toBeNull();
  });

  it("disables an endpoint, and the list says so", async () => {
    const result = await runCli(["webhooks", "update", endpointId, "--disable"], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(lines(result.stdout)[0]).toBe(`Updated webhook endpoint ${endpointId}: disabled.`);
    const list = await runCli(["webhooks", "list"], { env });
    expect(lines(list.stdout)).toContainEqual(expect.stringMatching(new RegExp(`^${endpointId} .* disabled$`)));
    const both = await runCli(["webhooks", "update", endpointId, "--enable", "--disable"], { env });
    expect(both.code).toBe(2);
  });

  it("deletes an endpoint with --yes, and asks for it without a terminal", async () => {
    const unasked = await runCli(["webhooks", "delete", endpointId], { env });
    expect(unasked.code).toBe(2);
    expect(lines(unasked.stderr)[0]).toBe("offerkit: pass --yes to delete without a terminal to ask in");
    const result = await runCli(["webhooks", "delete", endpointId, "--yes"], { env });
    expect(result).toEqual({ code: 0, stdout: `Deleted webhook endpoint ${endpointId}.\n`, stderr: "" });
    expect((await client.webhooks.list()).map((endpoint) => endpoint.id)).not.toContain(endpointId);
  });

  it("takes the endpoint's URL as --endpoint, leaving --url to name the server as in every command", async () => {
    const apiKeyOnly = { OFFERKIT_API_KEY: ADMIN_KEY };
    const result = await runCli(["webhooks", "create", "--url", server.url, "--endpoint", hookUrl, "--events", "agreement.created", "--json"], { env: apiKeyOnly });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ endpoint: { url: hookUrl, eventTypes: ["agreement.created"] } });
    const missing = await runCli(["webhooks", "create", "--events", "agreement.created"], { env });
    expect(missing.code).toBe(2);
    expect(lines(missing.stderr)[0]).toBe("offerkit: missing --endpoint (the URL events are POSTed to)");
  });

  it("refuses a change to a key with webhooks:read only", async () => {
    const key = await client.admin.apiKeys.create({ name: "Webhook reader", scopes: ["webhooks:read"] });
    const reader = { ...env, OFFERKIT_API_KEY: key.secret };
    expect((await runCli(["webhooks", "list"], { env: reader })).code).toBe(0);
    const refused = await runCli(["webhooks", "create", "--endpoint", hookUrl, "--events", "offer.sent"], { env: reader });
    expect(refused.code).toBe(1);
    expect(lines(refused.stderr)[0]).toMatch(/^offerkit: FORBIDDEN: .*webhooks:write/);
  });
});
