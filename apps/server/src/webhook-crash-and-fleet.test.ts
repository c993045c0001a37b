import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startReceiver } from "@offerkit/api/testing";
import { testDialects } from "@offerkit/db/testing";
import { makePdf } from "@offerkit/eula/testing";
import { createOfferkitClient, type OfferkitClient } from "@offerkit/sdk";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startServersOnPostgres } from "./test-server";

const ALLOW_LOCAL_RECEIVER = { OFFERKIT_WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", OFFERKIT_WEBHOOK_TIMEOUT_MS: "1500" };

async function until(ready: () => boolean | Promise<boolean>, ms: number, what: string) {
  const end = Date.now() + ms;
  while (!(await ready())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sends `count` offers of the demo product to one account, through the clients in turn. */
async function sendOffers(clients: OfferkitClient[], count: number): Promise<string[]> {
  const [first] = clients;
  if (!first) throw new Error("No client");
  const product = (await first.products.list({ limit: 100 })).items.find((item) => item.asin === "B00635Y2IW");
  if (!product) throw new Error("The demo product is missing");
  const eula = await first.eula.upload(new Blob([new Uint8Array(await makePdf(1, { text: "Fleet webhooks EULA" }))], { type: "application/pdf" }), { fileName: "eula.pdf" });
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const client = clients[index % clients.length] ?? first;
    const draft = await client.offers.create({
      productId: product.id,
      name: `Offer ${index}`,
      description: "Webhook delivery test",
      buyerAccounts: ["012345678901"],
      pricing: { model: "saas_contract", contract: { seats: "45.5", storage_tb: "120" } },
      eulaSha256: eula.sha256,
      agreement: { kind: "duration", duration: "P12M" },
      acceptanceDeadline: deadline,
      refundPolicy: "Write to refunds@acme.example within 30 days.",
    });
    ids.push((await client.offers.send({ offerId: draft.id })).id);
  }
  return ids;
}

const offerIdsIn = (receiver: Awaited<ReturnType<typeof startReceiver>>) => receiver.events().map((event) => String(event.data.offerId));

describe("webhooks across a crash", () => {
  const running: ServerProcess[] = [];
  afterEach(async () => {
    for (const server of running.splice(0)) await server.kill();
  });

  it("loses nothing when the server is killed mid-delivery: another start delivers what was committed", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "offerkit-webhook-crash-"));
    const receiver = await startReceiver((_request, index, response) => {
      // The first delivery is left hanging: the server is killed while it waits for the answer.
      if (index > 0) response.writeHead(204).end();
    });
    try {
      const first = await startServerProcess(ALLOW_LOCAL_RECEIVER, { dataDir });
      running.push(first);
      const client = createOfferkitClient({ baseUrl: first.url, apiKey: ADMIN_KEY });
      const { endpoint } = await client.webhooks.create({ url: receiver.url, eventTypes: ["offer.sent"] });
      const sent = await sendOffers([client], 3);
      await until(() => receiver.received.length >= 1, 10_000, "the first delivery");
      await first.kill();
      const beforeTheCrash = offerIdsIn(receiver);

      const second = await startServerProcess(ALLOW_LOCAL_RECEIVER, { dataDir });
      running.push(second);
      const after = createOfferkitClient({ baseUrl: second.url, apiKey: ADMIN_KEY });
      // The killed server's claim runs out (its lease), and the new one delivers.
      await until(async () => (await after.webhooks.deliveries({ endpointId: endpoint.id })).items.every((delivery) => delivery.state === "delivered"), 20_000, "every delivery");
      const afterTheCrash = offerIdsIn(receiver).slice(beforeTheCrash.length);
      expect(new Set([...beforeTheCrash, ...afterTheCrash])).toEqual(new Set(sent));
      // The one cut off is sent again. Others may be too: a delivery answered just before the kill,
      // whose outcome was not yet written, is sent again, as at-least-once allows.
      expect(afterTheCrash).toContain(beforeTheCrash[0]);
      // The new server sends each event once, and nothing it sends is new to the set of sent offers.
      expect(new Set(afterTheCrash).size).toBe(afterTheCrash.length);
      expect(afterTheCrash.every((offerId) => sent.includes(offerId))).toBe(true);
    } finally {
      await receiver.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

const onPostgres = testDialects().includes("postgres");

describe.skipIf(!onPostgres)("webhooks from two servers on one PostgreSQL database", () => {
  let fleet: Awaited<ReturnType<typeof startServersOnPostgres>> | undefined;
  afterAll(async () => fleet?.stop());

  it("delivers each event exactly once to a healthy receiver", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "offerkit-webhook-fleet-"));
    const receiver = await startReceiver();
    try {
      fleet = await startServersOnPostgres(2, ALLOW_LOCAL_RECEIVER, { dataDir });
      const servers = fleet.servers;
      const clients = servers.map((server) => createOfferkitClient({ baseUrl: server.url, apiKey: ADMIN_KEY }));
      const [admin] = clients;
      if (!admin) throw new Error("The fleet did not start");
      const { endpoint } = await admin.webhooks.create({ url: receiver.url, eventTypes: ["offer.sent"] });
      const sent = await sendOffers(clients, 24);
      await until(async () => (await admin.webhooks.deliveries({ endpointId: endpoint.id, state: "pending" })).items.length === 0 && receiver.received.length >= sent.length, 20_000, "every delivery");
      // Two servers ticking every 250 ms: give a duplicate the time to arrive, if there were one.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(offerIdsIn(receiver).sort()).toEqual([...sent].sort());
      expect(receiver.received).toHaveLength(sent.length);
    } finally {
      await receiver.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
