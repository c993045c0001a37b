import { call, type ClientContext } from "../context";
import type { AdminResource } from "../types/admin";

/** Who the key is, API keys, buyer tokens and seller settings. */
export function adminResource({ trpc }: ClientContext): AdminResource {
  return {
    whoami: () => call(() => trpc.admin.whoami.query()),
    apiKeys: {
      create: (input) => call(() => trpc.admin.apiKeys.create.mutate(input)),
      list: () => call(() => trpc.admin.apiKeys.list.query()),
      revoke: (input) => call(() => trpc.admin.apiKeys.revoke.mutate(input)),
    },
    buyerTokens: { issue: (input) => call(() => trpc.admin.buyerTokens.issue.mutate(input)) },
    settings: {
      get: () => call(() => trpc.admin.settings.get.query()),
      setDataSharing: (input) => call(() => trpc.admin.settings.setDataSharing.mutate(input)),
    },
  };
}
