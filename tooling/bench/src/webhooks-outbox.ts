/**
 * What webhooks cost the offers that cause them: offers created and sent per second over HTTP by
 * a server with no endpoints, against servers whose seller has 1 and 3 endpoints receiving
 * `offer.sent` (each send writes its event and deliveries in its own transaction, and the
 * deliverer posts them meanwhile), in alternating rounds of the same run. Also the delivery lag
 * under that load: from the event's commit (its `timestamp`) to its arrival at a receiver on this
 * machine.
 *
 *   pnpm --filter @offerkit/bench bench:webhooks
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { makePdf } from "@offerkit/eula/testing";
import { createOfferkitClient, type OfferkitClient } from "@offerkit/sdk";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { benchOffer } from "./bench-offer";
import { median, quantile } from "./stats";

const CONCURRENCY = 8;
const OFFERS_PER_ROUND = 200;
const ROUNDS = 7;
/** Endpoints of the seller, and whether the server delivers (off: the outbox is written, nothing sent). */
const SETUPS = [
  { endpoints: 0, deliver: true },
  { endpoints: 3, deliver: false },
  { endpoints: 1, deliver: true },
  { endpoints: 3, deliver: true },
] as const;

/**
 * A receiver in a process of its own (so its work is not the load generator's), answering 204
 * and reporting how long each event took to arrive from its commit.
 */
async function startReceiver() {
  const child = fork(fileURLToPath(new URL("./webhook-receiver.mjs", import.meta.url)), { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const lags: number[] = [];
  const port = await new Promise<number>((resolve) => {
    child.on("message", (message: unknown) => {
      if (typeof message === "number") lags.push(message);
      else if (typeof message === "object" && message !== null && "port" in message) resolve(Number(message.port));
    });
  });
  return { url: `http://127.0.0.1:${port}/hooks`, lags, close: () => child.kill() };
}

async function load(total: number, task: () => Promise<unknown>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        next += 1;
        await task();
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

async function offerSender(client: OfferkitClient) {
  const product = (await client.products.list({ limit: 100 })).items.find((item) => item.pricing.model === "saas_contract");
  if (!product) throw new Error("no demo product");
  const eula = await client.eula.upload(new Blob([new Uint8Array(await makePdf(2))], { type: "application/pdf" }), { fileName: "bench.pdf" });
  return async () => {
    const offer = await client.offers.create(benchOffer(product.id, eula.sha256, "Made by the webhook benchmark"));
    await client.offers.send({ offerId: offer.id });
  };
}

async function main() {
  const receiver = await startReceiver();
  const servers: ServerProcess[] = [];
  try {
    const env = { OFFERKIT_WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", OFFERKIT_LOG_LEVEL: "warn" };
    for (const setup of SETUPS) servers.push(await startServerProcess({ ...env, OFFERKIT_WEBHOOKS: setup.deliver ? "on" : "off" }));
    const senders = [];
    for (const [index, { endpoints }] of SETUPS.entries()) {
      const server = servers[index];
      if (!server) throw new Error("a server did not start");
      const client = createOfferkitClient({ baseUrl: server.url, apiKey: ADMIN_KEY, retries: 0 });
      for (let n = 0; n < endpoints; n += 1) await client.webhooks.create({ url: `${receiver.url}/${n}`, eventTypes: ["offer.sent"] });
      const send = await offerSender(client);
      await load(40, send);
      senders.push(send);
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    receiver.lags.length = 0;

    const perSecond: number[][] = SETUPS.map(() => []);
    let expected = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      // Each round in another order; each run waits for the last one's deliveries, so no server
      // delivers while another is measured.
      for (let step = 0; step < SETUPS.length; step += 1) {
        const index = (round + step) % SETUPS.length;
        const send = senders[index];
        const setup = SETUPS[index];
        if (!send || !setup) continue;
        perSecond[index]?.push(OFFERS_PER_ROUND / (await load(OFFERS_PER_ROUND, send)));
        expected += setup.deliver ? OFFERS_PER_ROUND * setup.endpoints : 0;
        const drainStarted = Date.now();
        while (receiver.lags.length < expected && Date.now() - drainStarted < 60_000) await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }

    const baseline = median(perSecond[0] ?? []);
    console.log(`\nWebhooks' cost to offers: ${ROUNDS} rounds (each setup once per round, in turn) of ${OFFERS_PER_ROUND} offers.create + offers.send, ${CONCURRENCY} in flight, each server on SQLite (medians of rounds)\n`);
    console.log("| endpoints receiving offer.sent | delivering | offers sent per second | deliveries enqueued per second | vs no endpoints |");
    console.log("|---|---|---|---|---|");
    for (const [index, { endpoints, deliver }] of SETUPS.entries()) {
      const rate = median(perSecond[index] ?? []);
      console.log(`| ${endpoints} | ${deliver ? "yes" : "no (outbox only)"} | ${rate.toFixed(0)} | ${(rate * endpoints).toFixed(0)} | ${(rate / baseline).toFixed(3)} |`);
    }
    console.log(`\nDelivery lag under that load, commit to arrival (${receiver.lags.length} of ${expected} deliveries arrived):`);
    console.log(`p50 ${median(receiver.lags).toFixed(0)} ms, p99 ${quantile(receiver.lags, 0.99).toFixed(0)} ms, max ${Math.max(...receiver.lags).toFixed(0)} ms`);
  } finally {
    for (const server of servers) await server.stop();
    await receiver.close();
  }
}

await main();
