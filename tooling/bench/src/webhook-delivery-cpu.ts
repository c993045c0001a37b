/**
 * The server's own CPU time per webhook delivered: events written to the outbox of a real
 * database (SQLite), then drained by the deliverer to a receiver in another process, with
 * nothing else running. Compared in the same run with the CPU time of writing those events.
 *
 *   pnpm --filter @offerkit/bench bench:webhook-cpu
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createWebhookDeliverer } from "@offerkit/api";
import { createTestApi, recordTestEvents } from "@offerkit/api/testing";
import { median } from "./stats";

const EVENTS = 2_000;
const ROUNDS = 5;

async function startReceiver() {
  const child = fork(fileURLToPath(new URL("./webhook-receiver.mjs", import.meta.url)), { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let arrived = 0;
  const port = await new Promise<number>((resolve) => {
    child.on("message", (message: unknown) => {
      if (typeof message === "number") arrived += 1;
      else if (typeof message === "object" && message !== null && "port" in message) resolve(Number(message.port));
    });
  });
  return { url: `http://127.0.0.1:${port}/hooks`, arrived: () => arrived, close: () => child.kill() };
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

async function main() {
  const api = await createTestApi("sqlite");
  const receiver = await startReceiver();
  try {
    api.clock.set(new Date().toISOString());
    const seller = await api.newSeller();
    await seller.admin.webhooks.create({ url: receiver.url, eventTypes: ["offer.sent"] });
    const deliverer = createWebhookDeliverer(api.deps, api.deps.webhooks);
    const write: number[] = [];
    const deliver: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      let started = process.cpuUsage();
      await recordTestEvents(api.deps, seller.sellerId, EVENTS);
      write.push(cpuMs(process.cpuUsage(started)) / EVENTS);
      const before = receiver.arrived();
      started = process.cpuUsage();
      while ((await deliverer.runOnce()) > 0);
      deliver.push(cpuMs(process.cpuUsage(started)) / EVENTS);
      while (receiver.arrived() < before + EVENTS) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    console.log(`\nServer CPU per webhook, ${ROUNDS} rounds of ${EVENTS} offer.sent events to one endpoint on this machine (medians)\n`);
    console.log("| step | CPU ms per event |");
    console.log("|---|---|");
    console.log(`| writing the event and its delivery (outbox) | ${median(write).toFixed(3)} |`);
    console.log(`| delivering it (claim, sign, POST, log) | ${median(deliver).toFixed(3)} |`);
  } finally {
    receiver.close();
    await api.close();
  }
}

await main();
