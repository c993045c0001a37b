import { call, type ClientContext } from "../context";
import type { WebhooksResource } from "../types/webhooks";

/** Webhook endpoints, their delivery log, tests and replays. */
export function webhooksResource({ trpc }: ClientContext): WebhooksResource {
  return {
    list: () => call(() => trpc.webhooks.list.query()),
    get: (input) => call(() => trpc.webhooks.get.query(input)),
    create: (input) => call(() => trpc.webhooks.create.mutate(input)),
    update: (input) => call(() => trpc.webhooks.update.mutate(input)),
    delete: (input) => call(() => trpc.webhooks.delete.mutate(input)),
    rotateSecret: (input) => call(() => trpc.webhooks.rotateSecret.mutate(input)),
    sendTest: (input) => call(() => trpc.webhooks.sendTest.mutate(input)),
    deliveries: (input) => call(() => trpc.webhooks.deliveries.query(input)),
    replay: (input) => call(() => trpc.webhooks.replay.mutate(input)),
  };
}
